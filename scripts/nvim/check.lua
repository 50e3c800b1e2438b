-- Run by check.sh inside headless Neovim: wait for the server's diagnostics on the current buffer,
-- print them, and exit 0 when the expected rule is among them (1 otherwise).
local expected = vim.env.CONNECT_IAM_EXPECT or 'json-comment'
local timeout_ms = tonumber(vim.env.CONNECT_IAM_TIMEOUT_MS or '20000')

local arrived = vim.wait(timeout_ms, function()
  return #vim.diagnostic.get(0) > 0
end, 50)

-- `print` in headless Neovim goes to stderr without line breaks: write lines to stdout.
local function out(line)
  io.stdout:write(line, '\n')
end

local severities = { 'error', 'warning', 'information', 'hint' }
local found = false
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?'
  out(string.format('%d:%d %s %s [%s] %s', d.lnum + 1, d.col + 1, severities[d.severity] or '?', code, d.source or '', d.message))
  if code == expected then
    found = true
  end
end

if not arrived then
  out(string.format('FAIL: no diagnostics arrived within %d ms', timeout_ms))
  vim.cmd('cquit 1')
elseif not found then
  out('FAIL: no ' .. expected .. ' diagnostic')
  vim.cmd('cquit 1')
else
  out('OK: ' .. expected .. ' reported by the Connect IAM language server in Neovim')
  vim.cmd('qall!')
end
