import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DATE_MESSAGE, DATE_PATTERN, ID_MESSAGE, ID_PATTERN, IsNameText } from '@libs/application';

export class CreateLocationDto {
  @ApiProperty({ example: 'central' })
  @Matches(ID_PATTERN, { message: `locationId ${ID_MESSAGE}` })
  locationId!: string;

  @ApiProperty({ example: '中央図書館' })
  @IsString()
  @Length(1, 200)
  @IsNameText()
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
  @Length(1, 200)
  @IsNameText()
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
