/** Issue 7: deadline arithmetic and the public tracking page (the suite lives with its module). */
export { proceduresSuite as default } from '../../apps/server/src/modules/procedures/procedures.bench.ts';
