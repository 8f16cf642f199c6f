/**
 * Tarjan's strongly connected components of a graph in compressed rows (node u's successors are
 * targets[start[u]..start[u+1]]), without recursion so that long paths cannot overflow the stack.
 * Returns each node's component number.
 */
export function stronglyConnected(nodes: number, start: Int32Array, targets: Int32Array): Int32Array {
  const index = new Int32Array(nodes).fill(-1);
  const low = new Int32Array(nodes);
  const onStack = new Uint8Array(nodes);
  const component = new Int32Array(nodes).fill(-1);
  const cursor = new Int32Array(nodes);
  const stack: number[] = [];
  const calls: number[] = [];
  let counter = 0;
  let components = 0;

  const open = (v: number) => {
    index[v] = low[v] = counter++;
    cursor[v] = start[v]!;
    stack.push(v);
    onStack[v] = 1;
    calls.push(v);
  };

  for (let root = 0; root < nodes; root++) {
    if (index[root]! >= 0) continue;
    open(root);
    while (calls.length > 0) {
      const u = calls.at(-1)!;
      if (cursor[u]! < start[u + 1]!) {
        const v = targets[cursor[u]!++]!;
        if (index[v]! < 0) open(v);
        else if (onStack[v]) low[u] = Math.min(low[u]!, index[v]!);
        continue;
      }
      calls.pop();
      if (calls.length > 0) low[calls.at(-1)!] = Math.min(low[calls.at(-1)!]!, low[u]!);
      if (low[u] === index[u]) {
        for (let w = -1; w !== u;) {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
        }
        components++;
      }
    }
  }
  return component;
}
