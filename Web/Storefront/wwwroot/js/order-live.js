// The live order page: the storefront pushes "the status changed" over server-sent events the moment the order's status
// reaches the replica holding this stream (through Redis pub/sub); the page then fetches the timeline and swaps it in.
(() => {
  const root = document.querySelector('[data-live-order]');
  if (!root) return;
  const id = root.dataset.liveOrder;
  const timeline = () => document.getElementById('order-timeline');
  if (timeline()?.dataset.terminal === 'true') return;

  const source = new EventSource(`/orders/${id}/events`);
  const refresh = async () => {
    const response = await fetch(`/orders/${id}/timeline`, { headers: { Accept: 'text/html' } });
    if (!response.ok) return;
    const current = timeline();
    if (current) current.outerHTML = await response.text();
    if (timeline()?.dataset.terminal === 'true') source.close();
  };
  // On every (re)connect as well: a change pushed while the stream was down is caught up at once.
  source.addEventListener('open', refresh);
  source.addEventListener('status', refresh);
})();
