import { ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsString, Length, Matches } from 'class-validator';
import type { StaffRole } from '@libs/domain';
import { ID_MESSAGE, ID_PATTERN, IsNameText, STAFF_ROLES } from '@libs/application';

export class CreateStaffDto {
  @ApiProperty({ example: 'sato' })
  @Matches(ID_PATTERN, { message: `staffId ${ID_MESSAGE}` })
  staffId!: string;

  @ApiProperty({ example: '佐藤' })
  @IsString()
  @Length(1, 200)
  @IsNameText()
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
