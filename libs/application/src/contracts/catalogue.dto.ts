/** Request bodies that the api validates and the catalogue import checks before it sends them (one definition for both). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { MaterialType } from '@libs/domain';
import { ID_MESSAGE, ID_PATTERN, MATERIAL_TYPES } from './patterns';
import { IsNameText } from './text';

export class CreateTitleDto {
  @ApiProperty({ example: 'T-1001' })
  @Matches(ID_PATTERN, { message: `titleId ${ID_MESSAGE}` })
  titleId!: string;

  @ApiProperty({ example: '吾輩は猫である' })
  @IsString()
  @Length(1, 500)
  @IsNameText()
  name!: string;

  @ApiPropertyOptional({ example: '夏目漱石' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @IsNameText()
  author?: string;

  @ApiProperty({ enum: MATERIAL_TYPES, example: 'book' })
  @IsIn(MATERIAL_TYPES as unknown as string[], { message: `materialType must be one of ${MATERIAL_TYPES.join(', ')}` })
  materialType!: MaterialType;

  @ApiPropertyOptional({ example: '上巻', description: 'Volume of a series; volumes are held one by one (R11)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsNameText()
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
