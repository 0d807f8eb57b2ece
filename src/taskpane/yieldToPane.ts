/**
 * Resolves in a later task of the page, so the pane paints and takes input between a check's long steps
 * (a message rather than a timer, which nested calls clamp to 4 ms).
 */
export function yieldToPane(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
