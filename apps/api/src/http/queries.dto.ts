import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DATE_MESSAGE, DATE_PATTERN } from '@libs/application';

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
