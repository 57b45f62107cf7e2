-- Drives `strata lsp` from a real Neovim, headless (tests/cli/lsp_neovim.rs):
-- opens the strategy, waits for the findings, types a buzzword into a
-- future as a person would, waits for the finding on that line, and writes
-- what Neovim saw as JSON. The set-up is the one docs/editors.md shows:
-- `vim.lsp.start` where Neovim has it (0.8+), else (Debian 12's 0.7)
-- `vim.lsp.start_client` and `vim.lsp.buf_attach_client`.
local strata = os.getenv('STRATA_BIN')
local file = os.getenv('STRATA_FILE')
local out = os.getenv('STRATA_OUT')
local line = tonumber(os.getenv('STRATA_LINE')) -- 0-based

local function write(name, value)
  local f = assert(io.open(out .. '/' .. name .. '.json', 'w'))
  f:write(vim.fn.json_encode(value))
  f:close()
end

local function fail(message)
  write('error', { message = message })
  vim.cmd('cquit 1')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local config = {
  name = 'strata',
  cmd = { strata, 'lsp' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  init_options = { debounceMs = 50 },
}
if vim.lsp.start then
  vim.lsp.start(config)
else
  vim.lsp.buf_attach_client(buf, vim.lsp.start_client(config))
end

local function seen()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    table.insert(found, { line = d.lnum, col = d.col, code = code, severity = d.severity })
  end
  return found
end

if not vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
  fail('no diagnostics after opening ' .. file)
end
write('opened', seen())

-- Typed in insert mode at the start of a line of the future.
vim.api.nvim_win_set_cursor(0, { line + 1, 0 })
vim.cmd('normal! iWe leverage synergies. ')
local function flagged()
  for _, d in ipairs(seen()) do
    if d.line == line and d.code == 'sunday-words' then
      return true
    end
  end
  return false
end
if not vim.wait(30000, flagged, 50) then
  fail('no sunday-words on line ' .. line .. ' after typing')
end
write('typed', seen())
vim.cmd('qa!')
