import type { TenantRepository } from '../data/tenant-repository.ts';
import type { ImportWorkerEvent } from './import-worker.ts';

/**
 * Gets an import job worked after the response. In AWS (`SANAD_IMPORT_WORKER_FUNCTION` set) a Lambda
 * sandbox freezes once the handler answers, so the import worker function is invoked asynchronously
 * (`InvocationType: Event`); its Lambda client is loaded here, on the call that needs it, not at every cold
 * start of the import routes, and so is the runner's own code. Locally the server process lives on, and a
 * background promise does the work.
 */
export async function launchImportWorker(repository: TenantRepository, importId: string): Promise<void> {
  const functionName = process.env.SANAD_IMPORT_WORKER_FUNCTION;
  if (!functionName) {
    // Imported here, not at the top: in AWS this function never runs the import itself.
    const { runImport } = await import('./run-import.ts');
    void runImport(repository, importId);
    return;
  }
  const { InvokeCommand } = await import('@aws-sdk/client-lambda');
  const event: ImportWorkerEvent = { tenantId: repository.tenantId, importId };
  await (await lambdaClient()).send(new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: JSON.stringify(event) }));
}

const newLambdaClient = () => import('@aws-sdk/client-lambda').then(({ LambdaClient }) => new LambdaClient({}));
let client: ReturnType<typeof newLambdaClient> | undefined;

/** One client per container, reused across invocations (the SPA polls the job while it runs). */
const lambdaClient = () => (client ??= newLambdaClient());
