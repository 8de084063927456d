import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { CARD_MESSAGE, CARD_PATTERN, ID_MESSAGE, ID_PATTERN } from '@libs/application';

export class CheckoutDto {
  @ApiProperty({ example: 'C-1001-1' })
  @Matches(ID_PATTERN, { message: `copyId ${ID_MESSAGE}` })
  copyId!: string;

  @ApiProperty({ example: '123456789' })
  @Matches(CARD_PATTERN, { message: `cardNumber ${CARD_MESSAGE}` })
  cardNumber!: string;
}

export class CheckinDto {
  @ApiProperty({ example: 'C-1001-1' })
  @Matches(ID_PATTERN, { message: `copyId ${ID_MESSAGE}` })
  copyId!: string;

  @ApiProperty({ example: 'central', description: 'Where the copy was checked in' })
  @Matches(ID_PATTERN, { message: `locationId ${ID_MESSAGE}` })
  locationId!: string;
}

export class ClearanceDto {
  @ApiProperty({ example: 'C-1001-1' })
  @Matches(ID_PATTERN, { message: `copyId ${ID_MESSAGE}` })
  copyId!: string;
}

export class ContactOutcomeDto {
  @ApiProperty({ enum: ['called', 'no-answer', 'left-message'], example: 'called' })
  @IsIn(['called', 'no-answer', 'left-message'], { message: 'outcome must be one of called, no-answer, left-message' })
  outcome!: 'called' | 'no-answer' | 'left-message';
}
