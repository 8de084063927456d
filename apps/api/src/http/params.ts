import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CARD_MESSAGE, CARD_PATTERN, ID_MESSAGE, ID_PATTERN } from '@libs/application';

export class HoldIdParam {
  @ApiProperty({ example: '0b0c9d8e-5f0e-4b43-9a53-2f8f3c1d9a10' })
  @Matches(ID_PATTERN, { message: `holdId ${ID_MESSAGE}` })
  holdId!: string;
}

export class CardNumberParam {
  @ApiProperty({ example: '123456789' })
  @Matches(CARD_PATTERN, { message: `card ${CARD_MESSAGE}` })
  card!: string;
}

export class LocationIdParam {
  @ApiProperty({ example: 'central' })
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;
}

export class IdParam {
  @ApiProperty({ example: 'T-1001' })
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;
}
