export { generateDemo, checkDemoOptions, demoWorkspaceName, DEMO_BATCH_SIZE, DEMO_MAX_MEMBERS } from './generate';
export type { Demo, DemoOptions } from './generate';
export type { DemoBatch } from './member';
export { DEMO_TEMPLATES, DEMO_AS_OF, DEMO_HISTORY_FROM, TEMPLATES } from './templates';
export type { DemoTemplate, TemplateSpec } from './templates';
export { TOUCH_COST } from './engagement';
