// Drives real third-party Binance clients against Ferry.Simulator, the way a user would call them.
//
//   node interop.mjs <scenario> <client> <key>
//
//   scenario: transfers | spot-isolated | wrong-key | no-permission | single-transfer | ccxt-time-difference | balances
//   client:   connector (@binance/connector Spot) | ccxt (ccxt.binance)
//   key:      hmac | rsa | ed25519   (no-permission always uses the HMAC key without permitsUniversalTransfer)
//
// Environment: FERRY_SIM_URL (simulator base URL) and the keys:
//   FERRY_HMAC_API_KEY, FERRY_HMAC_SECRET
//   FERRY_RSA_API_KEY, FERRY_RSA_PRIVATE_KEY          (PKCS#8 PEM)
//   FERRY_ED25519_API_KEY, FERRY_ED25519_PRIVATE_KEY  (PKCS#8 PEM)
//   FERRY_NOPERM_API_KEY, FERRY_NOPERM_SECRET
//   FERRY_RECV_WINDOW (optional): recvWindow both clients send, through their own recvWindow options.
//
// Prints one JSON line per step: {client, key, step, type, outcome: "ok"|"error", code, http, tranId|ids, wire}
// where wire holds the exact HTTP requests the client sent for that step (captured by a logging proxy).
import crypto from 'node:crypto'
import { createRequire } from 'node:module'
import ccxt from 'ccxt'
import { startCaptureProxy } from './capture-proxy.mjs'

const require = createRequire(import.meta.url)
const { Spot, PrivateKeyAlgo } = require('@binance/connector')

const [scenario, clientName, keyKind] = process.argv.slice(2)
const env = name => {
  const value = process.env[name]
  if (!value) throw new Error(`environment variable ${name} is not set`)
  return value
}
const recvWindow = process.env.FERRY_RECV_WINDOW ? Number(process.env.FERRY_RECV_WINDOW) : undefined

// ---------------------------------------------------------------- credentials

function credentials (kind) {
  switch (kind) {
    case 'hmac': return { kind, apiKey: env('FERRY_HMAC_API_KEY'), secret: env('FERRY_HMAC_SECRET') }
    case 'rsa': return { kind, apiKey: env('FERRY_RSA_API_KEY'), privateKey: env('FERRY_RSA_PRIVATE_KEY') }
    case 'ed25519': return { kind, apiKey: env('FERRY_ED25519_API_KEY'), privateKey: env('FERRY_ED25519_PRIVATE_KEY') }
    case 'noperm': return { kind: 'hmac', apiKey: env('FERRY_NOPERM_API_KEY'), secret: env('FERRY_NOPERM_SECRET') }
    default: throw new Error(`unknown key kind '${kind}'`)
  }
}

// The right API key with the wrong secret: another HMAC secret, or a freshly generated private key.
function wrongCredentials (kind) {
  const good = credentials(kind)
  if (good.secret) return { ...good, secret: good.secret + 'x' }
  const pair = kind === 'rsa'
    ? crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
    : crypto.generateKeyPairSync('ed25519')
  return { ...good, privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) }
}

// ---------------------------------------------------------------- clients

// @binance/connector: HMAC through apiSecret, RSA / Ed25519 through its privateKey + privateKeyAlgo options.
function connectorClient (cred, baseURL) {
  const options = { baseURL }
  if (cred.privateKey) {
    options.privateKey = cred.privateKey
    options.privateKeyAlgo = cred.kind === 'rsa' ? PrivateKeyAlgo.RSA : PrivateKeyAlgo.ED25519
  }
  const client = new Spot(cred.apiKey, cred.secret ?? '', options)
  const extra = recvWindow === undefined ? {} : { recvWindow }
  return {
    transfer: async (type, asset, amount, symbols = {}) =>
      String((await client.userUniversalTransfer(type, asset, amount, { ...symbols, ...extra })).data.tranId),
    history: async (type, symbols = {}, page = undefined) => {
      const paging = page ? { startTime: page.since, size: page.limit, current: 1 } : {}
      const response = await client.userUniversalTransferHistory(type, { ...symbols, ...paging, ...extra })
      return response.data.rows?.map(r => String(r.tranId)) ?? []
    },
    marginHistory: async asset =>
      (await client.marginTransferHistory({ asset, ...extra })).data.rows?.map(r => String(r.txId)) ?? []
  }
}

// ccxt.binance: an HMAC secret is the secret string; a PEM private key as the secret makes ccxt sign
// with RSA (long PEM) or Ed25519 (short PEM). Markets are set offline (the simulator has no exchangeInfo).
function ccxtClient (cred, baseURL, options = {}) {
  const exchange = new ccxt.binance({
    apiKey: cred.apiKey,
    secret: cred.secret ?? cred.privateKey,
    options: {
      adjustForTimeDifference: false,
      fetchCurrencies: false,
      ...(recvWindow === undefined ? {} : { recvWindow }),
      ...options
    }
  })
  for (const [api, prefix] of Object.entries({ public: '/api/v3', private: '/api/v3', sapi: '/sapi/v1' })) {
    exchange.urls.api[api] = baseURL + prefix
  }
  exchange.setMarkets([{
    id: 'BTCUSDT', symbol: 'BTC/USDT', base: 'BTC', quote: 'USDT', baseId: 'BTC', quoteId: 'USDT',
    type: 'spot', spot: true, margin: true, swap: false, future: false, option: false, contract: false, active: true,
    precision: { amount: 0.00001, price: 0.01 }
  }], {
    USDT: { id: 'USDT', code: 'USDT', precision: 0.00000001 },
    BTC: { id: 'BTC', code: 'BTC', precision: 0.00000001 }
  })
  // How a ccxt user asks for each Binance type with the unified transfer(): ccxt derives type, fromSymbol, toSymbol.
  const unified = {
    MAIN_UMFUTURE: ['spot', 'future', {}],
    MARGIN_ISOLATEDMARGIN: ['margin', 'isolated', { symbol: 'BTC/USDT' }],
    MAIN_ISOLATED_MARGIN: ['spot', 'BTC/USDT', {}], // the form in ccxt's own binance-universal-transfer example
    ISOLATED_MARGIN_MAIN: ['BTC/USDT', 'spot', {}]
  }
  return {
    transfer: async (type, asset, amount) => {
      const [from, to, params] = unified[type]
      return String((await exchange.transfer(asset, amount, from, to, params)).id)
    },
    history: async (type, symbols = {}, page = undefined) =>
      (await exchange.fetchTransfers(page ? 'USDT' : undefined, page?.since, page?.limit, { type, ...symbols })).map(t => String(t.id)),
    // ccxt has no unified method for cross-margin transfer history; its implicit API method is what users call.
    marginHistory: async asset =>
      (await exchange.sapiGetMarginTransfer({ asset })).rows?.map(r => String(r.txId)) ?? []
  }
}

// ccxt's fetchBalance for each Binance account type (reference §5b.5): totals by currency code, as numbers printed
// back as text. The futures hosts point at the simulator too.
function ccxtBalanceReads (cred, baseURL) {
  const exchange = new ccxt.binance({ apiKey: cred.apiKey, secret: cred.secret ?? cred.privateKey, options: { adjustForTimeDifference: false } })
  for (const [api, prefix] of Object.entries({
    public: '/api/v3', private: '/api/v3', sapi: '/sapi/v1', fapiPrivate: '/fapi/v1', fapiPrivateV2: '/fapi/v2',
    fapiPrivateV3: '/fapi/v3', dapiPrivate: '/dapi/v1'
  })) exchange.urls.api[api] = baseURL + prefix
  exchange.setMarkets([{
    id: 'BTCUSDT', symbol: 'BTC/USDT', base: 'BTC', quote: 'USDT', baseId: 'BTC', quoteId: 'USDT',
    type: 'spot', spot: true, margin: true, swap: false, future: false, option: false, contract: false, active: true,
    precision: { amount: 0.00001, price: 0.01 }
  }], {
    USDT: { id: 'USDT', code: 'USDT', precision: 0.00000001 },
    BTC: { id: 'BTC', code: 'BTC', precision: 0.00000001 }
  })
  const totals = balance => Object.fromEntries(Object.entries(balance.total ?? {}).filter(([, v]) => v !== undefined && v !== 0).map(([k, v]) => [k, String(v)]))
  const read = params => async () => totals(await exchange.fetchBalance(params))
  return {
    spot: read({}),
    funding: read({ type: 'funding' }),
    margin: read({ type: 'margin' }),
    // ccxt merges the isolated pairs' assets per coin (reference §5b.5).
    isolated: read({ marginMode: 'isolated' }),
    future: read({ type: 'future' }),
    delivery: read({ type: 'delivery' })
  }
}

// @binance/connector's own balance reads; amounts as the simulator sent them (strings).
function connectorBalanceReads (cred, baseURL) {
  const options = { baseURL }
  if (cred.privateKey) {
    options.privateKey = cred.privateKey
    options.privateKeyAlgo = cred.kind === 'rsa' ? PrivateKeyAlgo.RSA : PrivateKeyAlgo.ED25519
  }
  const client = new Spot(cred.apiKey, cred.secret ?? '', options)
  const nonZero = rows => Object.fromEntries(rows.filter(r => Number(r.amount) !== 0).map(r => [r.asset, r.amount]))
  return {
    spot: async () => nonZero((await client.account()).data.balances.map(b => ({ asset: b.asset, amount: b.free }))),
    userAsset: async () => nonZero((await client.userAsset()).data.map(b => ({ asset: b.asset, amount: b.free }))),
    funding: async () => nonZero((await client.fundingWallet()).data.map(b => ({ asset: b.asset, amount: b.free }))),
    margin: async () => nonZero((await client.marginAccount()).data.userAssets.map(b => ({ asset: b.asset, amount: b.netAsset }))),
    isolated: async () => nonZero((await client.isolatedMarginAccountInfo()).data.assets.flatMap(a => [
      { asset: `${a.symbol}:${a.baseAsset.asset}`, amount: a.baseAsset.totalAsset },
      { asset: `${a.symbol}:${a.quoteAsset.asset}`, amount: a.quoteAsset.totalAsset }]))
  }
}

function makeClient (name, cred, baseURL, ccxtOptions) {
  if (name === 'connector') return connectorClient(cred, baseURL)
  if (name === 'ccxt') return ccxtClient(cred, baseURL, ccxtOptions)
  throw new Error(`unknown client '${name}'`)
}

// ---------------------------------------------------------------- steps

const proxy = await startCaptureProxy(env('FERRY_SIM_URL'))

async function step (key, name, type, action) {
  const line = { client: clientName, key, step: name, type }
  try {
    const result = await action()
    line.outcome = 'ok'
    if (Array.isArray(result)) line.ids = result
    else if (typeof result === 'object') line.balances = result
    else line.tranId = result
  } catch (e) {
    line.outcome = 'error'
    const wire = proxy.take()
    const last = wire[wire.length - 1]
    line.http = last?.status ?? null
    line.code = errorCode(last?.response) ?? errorCode(e.message)
    line.message = String(e.message).slice(0, 300)
    line.wire = wire
    console.log(JSON.stringify(line))
    return line
  }
  line.wire = proxy.take()
  console.log(JSON.stringify(line))
  return line
}

function errorCode (text) {
  const match = /"code"\s*:\s*(-?\d+)/.exec(text ?? '')
  return match ? Number(match[1]) : null
}

const isolated = { toSymbol: 'BTCUSDT' }

try {
  switch (scenario) {
    case 'transfers': {
      const client = makeClient(clientName, credentials(keyKind), proxy.url)
      await step(keyKind, 'transfer', 'MAIN_UMFUTURE', () => client.transfer('MAIN_UMFUTURE', 'USDT', 12.5))
      // History with the paging a user adds: the last hour (startTime), 10 per page (size).
      const lastHour = { since: Date.now() - 3600000, limit: 10 }
      await step(keyKind, 'history', 'MAIN_UMFUTURE', () => client.history('MAIN_UMFUTURE', {}, lastHour))
      await step(keyKind, 'transfer', 'MARGIN_ISOLATEDMARGIN', () => client.transfer('MARGIN_ISOLATEDMARGIN', 'USDT', 5, isolated))
      await step(keyKind, 'history', 'MARGIN_ISOLATEDMARGIN', () => client.history('MARGIN_ISOLATEDMARGIN', isolated))
      await step(keyKind, 'margin-history', 'MARGIN_ISOLATEDMARGIN', () => client.marginHistory('USDT'))
      break
    }
    case 'spot-isolated': {
      // Spot <-> isolated margin: the ISOLATED_MARGIN spelling of the type, with toSymbol / fromSymbol.
      const client = makeClient(clientName, credentials(keyKind), proxy.url)
      await step(keyKind, 'transfer', 'MAIN_ISOLATED_MARGIN', () => client.transfer('MAIN_ISOLATED_MARGIN', 'USDT', 7, { toSymbol: 'BTCUSDT' }))
      await step(keyKind, 'transfer', 'ISOLATED_MARGIN_MAIN', () => client.transfer('ISOLATED_MARGIN_MAIN', 'USDT', 2.25, { fromSymbol: 'BTCUSDT' }))
      await step(keyKind, 'history', 'ISOLATED_MARGIN_MAIN', () => client.history('ISOLATED_MARGIN_MAIN', { fromSymbol: 'BTCUSDT' }))
      break
    }
    case 'wrong-key': {
      const client = makeClient(clientName, wrongCredentials(keyKind), proxy.url)
      await step(keyKind, 'transfer', 'MAIN_UMFUTURE', () => client.transfer('MAIN_UMFUTURE', 'USDT', 12.5))
      await step(keyKind, 'history', 'MAIN_UMFUTURE', () => client.history('MAIN_UMFUTURE'))
      break
    }
    case 'no-permission': {
      const client = makeClient(clientName, credentials('noperm'), proxy.url)
      await step('noperm', 'transfer', 'MAIN_UMFUTURE', () => client.transfer('MAIN_UMFUTURE', 'USDT', 12.5))
      await step('noperm', 'history', 'MAIN_UMFUTURE', () => client.history('MAIN_UMFUTURE'))
      break
    }
    case 'single-transfer': {
      const client = makeClient(clientName, credentials(keyKind), proxy.url)
      await step(keyKind, 'transfer', 'MAIN_UMFUTURE', () => client.transfer('MAIN_UMFUTURE', 'USDT', 12.5))
      break
    }
    case 'ccxt-time-difference': {
      // ccxt's own clock-offset option (what adjustForTimeDifference would fill in): the client believes the
      // server is 2 minutes ahead, so its timestamps are 2 minutes old.
      if (clientName !== 'ccxt') throw new Error('ccxt-time-difference is a ccxt-only scenario')
      const client = makeClient(clientName, credentials(keyKind), proxy.url, { timeDifference: 120000 })
      await step(keyKind, 'transfer', 'MAIN_UMFUTURE', () => client.transfer('MAIN_UMFUTURE', 'USDT', 12.5))
      break
    }
    case 'balances': {
      // Each wallet's balances as the client reports them: {ASSET: total} (the connector's isolated: {SYMBOL:ASSET: total}).
      const cred = credentials(keyKind)
      const reads = clientName === 'ccxt' ? ccxtBalanceReads(cred, proxy.url) : connectorBalanceReads(cred, proxy.url)
      for (const [name, read] of Object.entries(reads)) await step(keyKind, 'balance', name, read)
      break
    }
    default:
      throw new Error(`unknown scenario '${scenario}'`)
  }
} finally {
  await proxy.close()
}
