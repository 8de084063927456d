import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ContactMethod, MaterialType, StaffRole } from '@libs/domain';
import { CARD_MESSAGE, CARD_PATTERN, CONTACT_METHODS, DATE_MESSAGE, DATE_PATTERN, ID_MESSAGE, ID_PATTERN, MATERIAL_TYPES, STAFF_ROLES } from './patterns';

export class CreateLocationDto {
  @ApiProperty({ example: 'central' })
  @Matches(ID_PATTERN, { message: `locationId ${ID_MESSAGE}` })
  locationId!: string;

  @ApiProperty({ example: '中央図書館' })
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class ClosedRangeDto {
  @ApiProperty({ example: '2026-12-29' })
  @Matches(DATE_PATTERN, { message: `from ${DATE_MESSAGE}` })
  from!: string;

  @ApiProperty({ example: '2027-01-03' })
  @Matches(DATE_PATTERN, { message: `to ${DATE_MESSAGE}` })
  to!: string;

  @ApiPropertyOptional({ example: '年末年始休館' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  reason?: string;
}

export class CalendarDto {
  @ApiProperty({ type: [Number], example: [1], description: 'Weekly closing days, 0 = Sunday … 6 = Saturday' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(6, { message: 'weeklyClosedDays must leave at least one open weekday' })
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(6, { each: true })
  weeklyClosedDays!: number[];

  @ApiProperty({ type: [String], example: ['2026-11-24'], description: 'Single closed dates, e.g. a storm closure (R30)' })
  @IsArray()
  @ArrayMaxSize(2000)
  @Matches(DATE_PATTERN, { each: true, message: `each closedDates entry ${DATE_MESSAGE}` })
  closedDates!: string[];

  @ApiProperty({ type: [ClosedRangeDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ClosedRangeDto)
  closedRanges!: ClosedRangeDto[];

  @ApiProperty({ example: true })
  @IsBoolean()
  closedOnNationalHolidays!: boolean;

  @ApiProperty({ example: true })
  @IsBoolean()
  closedDayAfterNationalHoliday!: boolean;
}

export class CreateTitleDto {
  @ApiProperty({ example: 'T-1001' })
  @Matches(ID_PATTERN, { message: `titleId ${ID_MESSAGE}` })
  titleId!: string;

  @ApiProperty({ example: '吾輩は猫である' })
  @IsString()
  @Length(1, 500)
  name!: string;

  @ApiPropertyOptional({ example: '夏目漱石' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  author?: string;

  @ApiProperty({ enum: MATERIAL_TYPES, example: 'book' })
  @IsIn(MATERIAL_TYPES as unknown as string[], { message: `materialType must be one of ${MATERIAL_TYPES.join(', ')}` })
  materialType!: MaterialType;

  @ApiPropertyOptional({ example: '上巻', description: 'Volume of a series; volumes are held one by one (R11)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  volume?: string;
}

export class CreateCopyDto {
  @ApiProperty({ example: 'C-1001-1' })
  @Matches(ID_PATTERN, { message: `copyId ${ID_MESSAGE}` })
  copyId!: string;

  @ApiProperty({ example: 'T-1001' })
  @Matches(ID_PATTERN, { message: `titleId ${ID_MESSAGE}` })
  titleId!: string;

  @ApiProperty({ example: 'central' })
  @Matches(ID_PATTERN, { message: `locationId ${ID_MESSAGE}` })
  locationId!: string;

  @ApiProperty({ example: true, description: 'false for not-for-loan (reference) copies (R8, R9)' })
  @IsBoolean()
  loanable!: boolean;
}

export class CreatePatronDto {
  @ApiProperty({ example: '123456789' })
  @Matches(CARD_PATTERN, { message: `cardNumber ${CARD_MESSAGE}` })
  cardNumber!: string;

  @ApiProperty({ example: '山田 花子' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '1990-05-01' })
  @Matches(DATE_PATTERN, { message: `birthDate ${DATE_MESSAGE}` })
  birthDate!: string;

  @ApiProperty({ example: '2029-03-31' })
  @Matches(DATE_PATTERN, { message: `cardExpiresOn ${DATE_MESSAGE}` })
  cardExpiresOn!: string;

  @ApiProperty({ example: false, description: 'Registered under the wide-area scheme (R3)' })
  @IsBoolean()
  wideArea!: boolean;
}

export class IssuePasswordDto {
  @ApiProperty({ example: 'first password from the counter' })
  @IsString()
  @Length(8, 200, { message: 'password must be 8-200 characters' })
  password!: string;
}

export class RenewCardDto {
  @ApiProperty({ example: '2030-03-31' })
  @Matches(DATE_PATTERN, { message: `cardExpiresOn ${DATE_MESSAGE}` })
  cardExpiresOn!: string;
}

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

export class CreateStaffDto {
  @ApiProperty({ example: 'sato' })
  @Matches(ID_PATTERN, { message: `staffId ${ID_MESSAGE}` })
  staffId!: string;

  @ApiProperty({ example: '佐藤' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true, example: ['circulation'] })
  @IsArray()
  @ArrayUnique()
  @IsIn(STAFF_ROLES as unknown as string[], { each: true, message: `each role must be one of ${STAFF_ROLES.join(', ')}` })
  roles!: StaffRole[];

  @ApiProperty({ example: 'a long staff password' })
  @IsString()
  @Length(8, 200, { message: 'password must be 8-200 characters' })
  password!: string;
}

export class ContactOutcomeDto {
  @ApiProperty({ enum: ['called', 'no-answer', 'left-message'], example: 'called' })
  @IsIn(['called', 'no-answer', 'left-message'], { message: 'outcome must be one of called, no-answer, left-message' })
  outcome!: 'called' | 'no-answer' | 'left-message';
}

export class PageQueryDto {
  @ApiPropertyOptional({ example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class DateRangeQueryDto {
  @ApiProperty({ example: '2026-01-01' })
  @Matches(DATE_PATTERN, { message: `from ${DATE_MESSAGE}` })
  from!: string;

  @ApiProperty({ example: '2027-12-31' })
  @Matches(DATE_PATTERN, { message: `to ${DATE_MESSAGE}` })
  to!: string;
}

export class AsOfQueryDto {
  @ApiPropertyOptional({ example: '2026-11-20T09:00:00+09:00', description: 'An instant (ISO 8601): the hold as it stood then' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'asOf must be an ISO 8601 instant with a time zone, e.g. 2026-11-20T09:00:00+09:00' })
  asOf?: string;
}
