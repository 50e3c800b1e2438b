-- Neovim (0.7 or later) configuration for the Connect IAM language server, with no plugin needed.
-- Use it as is (`nvim -u scripts/nvim/init.lua policy.json`) or copy the `setup` call into your
-- own init.lua. The server command is, in order of preference:
--   1. $CONNECT_IAM_LSP_CMD (split on spaces), e.g. "node /path/to/dist/server.js --stdio";
--   2. `connect-iam-language-server --stdio` when it is on PATH (npm install -g, or npx bin);
--   3. dist/server.js of the clone this file lives in.
local M = {}

local function repo_root()
  local this_file = debug.getinfo(1, 'S').source:sub(2)
  return vim.fn.fnamemodify(this_file, ':p:h:h:h')
end

function M.server_cmd()
  local from_env = vim.env.CONNECT_IAM_LSP_CMD
  if from_env and from_env ~= '' then
    return vim.split(from_env, ' ', { trimempty = true })
  end
  if vim.fn.executable('connect-iam-language-server') == 1 then
    return { 'connect-iam-language-server', '--stdio' }
  end
  return { 'node', repo_root() .. '/dist/server.js', '--stdio' }
end

local client_id = nil

--- Start (once) and attach the server to JSON buffers.
--- `settings` is the `connectIam` section: { rules = { ['placeholder-value'] = 'off' }, files = { 'infra/**/*.json' }, ... }
function M.setup(settings)
  local function attach(args)
    if client_id == nil then
      client_id = vim.lsp.start_client({
        name = 'connect-iam',
        cmd = M.server_cmd(),
        cmd_cwd = repo_root(),
        root_dir = vim.fn.getcwd(),
        -- Neovim 0.7 does not advertise `workspace/configuration`, so the server reads the
        -- settings from the initialization options; later versions answer its requests too.
        init_options = { connectIam = settings or {} },
        settings = { connectIam = settings or {} },
      })
    end
    if client_id ~= nil then
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end
  vim.api.nvim_create_autocmd('FileType', { pattern = { 'json', 'jsonc' }, callback = attach })
end

-- Set up with default settings, unless the caller wants to pass its own:
--   vim.g.connect_iam_no_autosetup = true
--   dofile('/path/to/scripts/nvim/init.lua').setup({ rules = { ['arn-example-account'] = 'off' } })
if vim.g.connect_iam_no_autosetup == nil then
  M.setup({})
end

return M
