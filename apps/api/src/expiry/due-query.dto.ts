import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../http/queries.dto';
import { DATE_MESSAGE, DATE_PATTERN } from '@libs/application';

export class DueHoldsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-12-04', description: 'The day to judge by (library time zone); default today' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: `on ${DATE_MESSAGE}` })
  on?: string;
}
