import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';
import { CARD_MESSAGE, CARD_PATTERN, ID_MESSAGE, ID_PATTERN } from '@libs/application';

export class PatronLoginDto {
  @ApiProperty({ example: '123456789' })
  @Matches(CARD_PATTERN, { message: `cardNumber ${CARD_MESSAGE}` })
  cardNumber!: string;

  @ApiProperty({ example: 'correct horse battery' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class StaffLoginDto {
  @ApiProperty({ example: 'admin' })
  @Matches(ID_PATTERN, { message: `staffId ${ID_MESSAGE}` })
  staffId!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class TokenResponse {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIs…' })
  accessToken!: string;
  @ApiProperty({ example: '2026-11-23T15:00:00.000Z' })
  expiresAt!: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: '123456789' })
  @Matches(CARD_PATTERN, { message: `cardNumber ${CARD_MESSAGE}` })
  cardNumber!: string;

  @ApiProperty({ example: 'hanako@example.jp' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the reset mail', example: 'k3J9…' })
  @IsString()
  @Length(16, 200)
  token!: string;

  @ApiProperty({ example: 'a new long password' })
  @IsString()
  @Length(8, 200, { message: 'newPassword must be 8-200 characters' })
  newPassword!: string;
}
