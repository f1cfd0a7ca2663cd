/**
 * Gets a background job worked after the response. In AWS (the function's name in `functionEnv`) a Lambda
 * sandbox freezes once the handler answers, so the worker function is invoked asynchronously
 * (`InvocationType: Event`) with `event`; its Lambda client is loaded here, on the call that needs it, not at
 * every cold start of the routes. Locally the server process lives on, and `runHere` works the job in a
 * background promise (it imports the runner itself, so that in AWS the routes never load it).
 */
export async function launchWorker(functionEnv: string, event: object, runHere: () => Promise<void>): Promise<void> {
  const functionName = process.env[functionEnv];
  if (!functionName) {
    void runHere();
    return;
  }
  const { InvokeCommand } = await import('@aws-sdk/client-lambda');
  await (await lambdaClient()).send(new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: JSON.stringify(event) }));
}

const newLambdaClient = () => import('@aws-sdk/client-lambda').then(({ LambdaClient }) => new LambdaClient({}));
let client: ReturnType<typeof newLambdaClient> | undefined;

/** One client per container, reused across invocations (clients poll a job while it runs). */
const lambdaClient = () => (client ??= newLambdaClient());
