import * as path from 'path';
import { renderAcknowledgementTable, writeAcknowledgementTable } from './compliance/acknowledgement-table';
import { synthWithCompliance } from './compliance/synth';
import { buildExampleApp } from './example-app';

// Rewrites docs/acknowledgements.md's table from the example app (npx projen acknowledgements:update).
const { acknowledgements, findings } = synthWithCompliance(buildExampleApp);
writeAcknowledgementTable(path.join(__dirname, '..', 'docs', 'acknowledgements.md'), renderAcknowledgementTable(acknowledgements));
console.log(`${acknowledgements.length} acknowledgements written to docs/acknowledgements.md; ${findings.length} unacknowledged findings`);
