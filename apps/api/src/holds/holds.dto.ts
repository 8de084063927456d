import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, Matches } from 'class-validator';
import type { ContactMethod } from '@libs/domain';
import { CONTACT_METHODS, ID_MESSAGE, ID_PATTERN } from '@libs/application';

export class PlaceHoldDto {
  @ApiProperty({ example: 'T-1001' })
  @Matches(ID_PATTERN, { message: `titleId ${ID_MESSAGE}` })
  titleId!: string;

  @ApiProperty({ example: 'central', description: 'Where the patron collects the copy (R13)' })
  @Matches(ID_PATTERN, { message: `pickupLocationId ${ID_MESSAGE}` })
  pickupLocationId!: string;

  @ApiProperty({ enum: CONTACT_METHODS, example: 'email', description: 'How the patron is told the hold is ready (R14); the policy says which are offered' })
  @IsIn(CONTACT_METHODS as unknown as string[], { message: `contactMethod must be one of ${CONTACT_METHODS.join(', ')}` })
  contactMethod!: ContactMethod;
}

export class BatchHoldDto {
  @ApiProperty({ type: [String], example: ['T-1001', 'T-1002'], description: 'Titles from the favourites list (R15)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(ID_PATTERN, { each: true, message: `each titleId ${ID_MESSAGE}` })
  titleIds!: string[];

  @ApiProperty({ example: 'central' })
  @Matches(ID_PATTERN, { message: `pickupLocationId ${ID_MESSAGE}` })
  pickupLocationId!: string;

  @ApiProperty({ enum: CONTACT_METHODS, example: 'email' })
  @IsIn(CONTACT_METHODS as unknown as string[], { message: `contactMethod must be one of ${CONTACT_METHODS.join(', ')}` })
  contactMethod!: ContactMethod;
}

export class PlacedHoldResponse {
  @ApiProperty({ example: '3f0c…' })
  holdId!: string;
  @ApiProperty({ example: 'waiting' })
  status!: string;
  @ApiProperty({ example: 3 })
  queuePosition!: number;
}
