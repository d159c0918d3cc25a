// A tiny logging HTTP proxy: the clients are pointed at it, it forwards every request unchanged to the
// simulator and remembers exactly what went over the wire (method, path, raw query, headers, raw body)
// and what came back. It never touches the clients themselves.
import http from 'node:http'

export async function startCaptureProxy (targetBase) {
  const target = new URL(targetBase)
  const exchanges = []

  const server = http.createServer((req, res) => {
    const chunks = []
    req.on('data', c => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const [path, ...rest] = req.url.split('?')
      const record = {
        method: req.method,
        path,
        query: rest.join('?'),
        headers: pickHeaders(req.headers),
        body: body.toString('latin1')
      }
      const upstream = http.request({
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host }
      }, up => {
        const back = []
        up.on('data', c => back.push(c))
        up.on('end', () => {
          const text = Buffer.concat(back).toString('utf8')
          record.status = up.statusCode
          record.response = text
          exchanges.push(record)
          res.writeHead(up.statusCode, up.headers)
          res.end(text)
        })
      })
      upstream.on('error', e => {
        record.status = 502
        record.response = `proxy: ${e.message}`
        exchanges.push(record)
        res.writeHead(502, { 'content-type': 'text/plain' })
        res.end(record.response)
      })
      upstream.end(body)
    })
  })

  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    // Returns and forgets what was captured since the last call.
    take () { return exchanges.splice(0, exchanges.length) },
    close () { return new Promise(resolve => server.close(resolve)) }
  }
}

// Only the headers that matter for signing and parsing; never anything else.
function pickHeaders (headers) {
  const wanted = ['content-type', 'x-mbx-apikey', 'user-agent']
  const out = {}
  for (const name of wanted) if (headers[name] !== undefined) out[name] = headers[name]
  return out
}
