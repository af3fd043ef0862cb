import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { GUIDE_LANGS, GUIDE_LIMITS } from '@samverkan/contracts';
import type { GuideLang } from '@samverkan/contracts';
import { ToDecimal } from '../../common/query-param.validators';
import { IsVersion } from '../../common/field.validators';
import { IsContractText } from '../../common/text.validators';

const LANG_MESSAGE = `lang must be one of ${GUIDE_LANGS.join(', ')}`;

export class SaveGuideDto {
  @ApiProperty({ enum: GUIDE_LANGS })
  @IsIn(GUIDE_LANGS, { message: LANG_MESSAGE })
  lang: GuideLang;

  @ApiProperty({ example: 'Naloxon – så gör du', maxLength: GUIDE_LIMITS.maxTitle })
  @IsContractText({ min: 1, max: GUIDE_LIMITS.maxTitle })
  title: string;

  @ApiProperty({ description: `Markdown, 1–${GUIDE_LIMITS.maxBody} characters, stored as written; raw HTML in it is shown as text.` })
  @IsContractText({ min: 1, max: GUIDE_LIMITS.maxBody })
  body: string;

  @ApiProperty({ description: 'The latest version of this language the writer read; 0 when there was none. A stale one is refused with 409.' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(0, { message: 'version must be 0 or more' })
  version: number;
}

export class PublishGuideDto {
  @ApiProperty({ enum: GUIDE_LANGS })
  @IsIn(GUIDE_LANGS, { message: LANG_MESSAGE })
  lang: GuideLang;

  @ApiProperty({ description: 'The version to publish (an earlier one may be published again).' })
  @IsVersion()
  version: number;
}

export class GuideLangQueryDto {
  @ApiPropertyOptional({ enum: GUIDE_LANGS, default: 'sv' })
  @IsOptional()
  @IsIn(GUIDE_LANGS, { message: LANG_MESSAGE })
  lang?: GuideLang;
}

export class GuideQueryDto extends GuideLangQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Extension for service staff and coordinators: the latest version, published or not.' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'draft must be true or false' })
  draft?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Extension for service staff and coordinators: this version.' })
  @IsOptional()
  @ToDecimal()
  @IsVersion()
  version?: number;
}
