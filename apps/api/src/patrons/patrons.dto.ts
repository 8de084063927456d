import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';
import { CARD_MESSAGE, CARD_PATTERN, DATE_MESSAGE, DATE_PATTERN, IsNameText } from '@libs/application';

export class CreatePatronDto {
  @ApiProperty({ example: '123456789' })
  @Matches(CARD_PATTERN, { message: `cardNumber ${CARD_MESSAGE}` })
  cardNumber!: string;

  @ApiProperty({ example: '山田 花子' })
  @IsString()
  @Length(1, 200)
  @IsNameText()
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

export class ChangeEmailDto {
  @ApiProperty({ example: 'hanako@example.jp' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ example: 'the current password' })
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @ApiProperty({ example: 'a new long password' })
  @IsString()
  @Length(8, 200, { message: 'newPassword must be 8-200 characters' })
  newPassword!: string;
}
