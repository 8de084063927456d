import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, HealthModule, ProjectionsModule, ReadModelsModule, type CoreOptions } from '@libs/platform';
import { ApplicationModule } from './application.module';

@Module({})
class OperatorModule {}

/**
 * The module tree of an operator command (no HTTP): the core, the read models and what the apps share. Read models
 * in memory are rebuilt from the log first; in Redis they are the worker's, read as they are.
 */
export function operatorModule(options: CoreOptions): DynamicModule {
  const projections = options.config.READ_MODEL_STORE === 'memory' ? [ProjectionsModule] : [];
  return { module: OperatorModule, imports: [CoreModule.register(options), HealthModule, ReadModelsModule, ApplicationModule, ...projections] };
}
