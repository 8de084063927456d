import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsRealInstant } from '@libs/application';

export class AsOfQueryDto {
  @ApiPropertyOptional({ example: '2026-11-20T09:00:00+09:00', description: 'An instant (ISO 8601): the hold as it stood then' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'asOf must be an ISO 8601 instant with a time zone, e.g. 2026-11-20T09:00:00+09:00',
  })
  @IsRealInstant({ message: 'asOf must be an instant that exists (no 2026-02-30, no 24:00)' })
  asOf?: string;
}
