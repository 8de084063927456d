import { Module } from '@nestjs/common';
import { AddCopyHandler, CatalogueTitleHandler, TitleHandler } from './catalogue.commands';
import { StaffCatalogueController } from './staff-catalogue.controller';

/** The catalogue the hold backend needs: titles (with material type) and copies (with location and loanable flag). */
@Module({
  controllers: [StaffCatalogueController],
  providers: [CatalogueTitleHandler, AddCopyHandler, TitleHandler],
})
export class CatalogueModule {}
