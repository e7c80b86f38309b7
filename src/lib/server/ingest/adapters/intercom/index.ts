export { intercomAdapter } from './intercomAdapter';
