// Imported first: the Content-Security-Policy allows no eval, so zod must not even probe for it (the probe,
// `new Function('')`, is refused and reported as a violation); jitless parsing is plenty for the client.
import { z } from 'zod';

z.config({ jitless: true });
