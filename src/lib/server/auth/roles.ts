// The roles, for server code: the list itself lives beside the browser code that also needs it.
export * from '../../auth/roles';
