import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CoreModule, type CoreOptions } from './core/core.module';
import { HealthModule } from './health/health.module';

/** The whole product in one module tree; APP_ROLE decides whether the HTTP API, the worker or both run. */
@Module({})
export class AppModule {
  static register(options: CoreOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.register(options), CqrsModule.forRoot(), HealthModule],
    };
  }
}
