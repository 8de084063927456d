import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from './patterns';

export class ClearanceDto {
  @ApiProperty({ example: 'C-1001-1' })
  @Matches(ID_PATTERN, { message: `copyId ${ID_MESSAGE}` })
  copyId!: string;
}
