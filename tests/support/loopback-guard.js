// Preloaded into child processes under test (node -r): any connection to an address outside the
// loopback range fails at once, so nothing a dependency probes for (cloud metadata services,
// usage statistics) ever leaves this machine. DNS names are refused too, except localhost.
const net = require('node:net');
const original = net.Socket.prototype.connect;
const allowed = (host) => !host || host === 'localhost' || /^127\./.test(host) || host === '::1';
net.Socket.prototype.connect = function (...args) {
  const opts = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: typeof args[1] === 'string' ? args[1] : undefined };
  if (!opts.path && !allowed(opts.host)) {
    process.emitWarning(`loopback-guard: refused a connection to ${opts.host}`);
    const err = Object.assign(new Error(`loopback-guard: ${opts.host} is not on this machine`), { code: 'ECONNREFUSED' });
    process.nextTick(() => this.destroy(err));
    return this;
  }
  return original.apply(this, args);
};
