import * as path from 'path';
import { renderAcknowledgementTable, writeAcknowledgementTable } from './compliance/readme-table';
import { synthWithCompliance } from './compliance/synth';
import { buildExampleApp } from './example-app';

// Rewrites the README's acknowledgement table from the example app (npx projen acknowledgements:update).
const { acknowledgements, findings } = synthWithCompliance(buildExampleApp);
writeAcknowledgementTable(path.join(__dirname, '..', 'README.md'), renderAcknowledgementTable(acknowledgements));
console.log(`${acknowledgements.length} acknowledgements written to README.md; ${findings.length} unacknowledged findings`);
