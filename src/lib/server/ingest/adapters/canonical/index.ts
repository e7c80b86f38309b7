export { canonicalAdapter } from './canonicalAdapter';
