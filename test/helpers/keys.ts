/** The tests' master key: it encrypts Temporal payloads and wraps each participant's data key. */
export const PAYLOAD_KEYS = `test-1:${Buffer.from('tandem-test-payload-key-32-bytes').toString('base64')}`;
