import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import type { ContactMethod } from '@libs/domain';
import { CARD_MESSAGE, CARD_PATTERN, CONTACT_METHODS, ID_MESSAGE, ID_PATTERN } from '@libs/application';

export class CounterHoldDto {
  @ApiProperty({ example: '123456789' })
  @Matches(CARD_PATTERN, { message: `cardNumber ${CARD_MESSAGE}` })
  cardNumber!: string;

  @ApiProperty({ example: 'T-1001' })
  @Matches(ID_PATTERN, { message: `titleId ${ID_MESSAGE}` })
  titleId!: string;

  @ApiProperty({ example: 'central' })
  @Matches(ID_PATTERN, { message: `pickupLocationId ${ID_MESSAGE}` })
  pickupLocationId!: string;

  @ApiProperty({ enum: CONTACT_METHODS, example: 'phone' })
  @IsIn(CONTACT_METHODS as unknown as string[], { message: `contactMethod must be one of ${CONTACT_METHODS.join(', ')}` })
  contactMethod!: ContactMethod;
}

export class StaffCancelDto {
  @ApiProperty({ example: 'Could not reach the patron (R20)' })
  @IsString()
  @Length(1, 500, { message: 'reason must be 1-500 characters' })
  reason!: string;
}
