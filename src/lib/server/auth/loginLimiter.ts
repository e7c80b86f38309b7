// The server process's one failed-login limiter (state lives in memory, per process).
import { LoginRateLimiter } from './LoginRateLimiter';

export const loginLimiter = new LoginRateLimiter();
