-- Plays a Neovim user against klar's language server, headless:
--   nvim --headless --clean -n -S tests/editors/nvim-driver.lua
-- It opens a document with the same configuration docs/editors.md gives users,
-- waits for klar's diagnostics, and then either applies the preferred quick fix
-- from the code-action menu (KLAR_TARGET=rule-id@line) or types a line into the
-- buffer (KLAR_TYPE=text). What the user would see goes to KLAR_OUT as JSON; the
-- vitest file judges it, so this script only reports.
--
-- Environment: KLAR_SERVER_CMD (JSON array), KLAR_FILE, KLAR_OUT, KLAR_TARGET or
-- KLAR_TYPE, KLAR_SETTINGS (JSON, the client's settings), KLAR_WAIT_MS (how long
-- to wait for the server before giving up; a guard against hanging, not a speed
-- requirement).
-- Runs on Neovim 0.7 (Debian 12) and on 0.8+ (vim.lsp.start).

local server_cmd = vim.fn.json_decode(os.getenv('KLAR_SERVER_CMD'))
local file = vim.fn.fnamemodify(os.getenv('KLAR_FILE'), ':p')
local out = os.getenv('KLAR_OUT')
local target = os.getenv('KLAR_TARGET')
local typed = os.getenv('KLAR_TYPE')
local wait_ms = tonumber(os.getenv('KLAR_WAIT_MS') or '60000')
local settings = os.getenv('KLAR_SETTINGS') and vim.fn.json_decode(os.getenv('KLAR_SETTINGS')) or nil

local v = vim.version()
local result = { editor = string.format('nvim %d.%d.%d', v.major, v.minor, v.patch) }

local function finish(err)
  result.error = err
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  if err then
    io.stderr:write('nvim driver: ' .. err .. '\n')
    vim.cmd('cquit 2')
  else
    vim.cmd('qall!')
  end
end

-- Every publishDiagnostics for this file, as the server sent it, so the negative
-- check can tell "the server looked and found nothing" from "it has not answered".
local publishes = {}
local publish_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, res, ctx, config)
  if res and res.uri and vim.uri_to_fname(res.uri) == file then
    table.insert(publishes, res.diagnostics or {})
  end
  return publish_handler(err, res, ctx, config)
end

-- The user configuration of docs/editors.md, with the server command injected.
local klar_client
local function start_klar(bufnr)
  local config = {
    name = 'klar',
    cmd = server_cmd,
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h'),
    -- Neovim sends the filetype as languageId; 'text' is LSP's 'plaintext'.
    get_language_id = function(_, filetype)
      return filetype == 'text' and 'plaintext' or filetype
    end,
    settings = settings,
    -- Neovim 0.7 neither offers workspace/configuration nor sends the settings
    -- by itself; this hands them over before the first document opens.
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
  }
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = bufnr })
  else
    klar_client = klar_client or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, klar_client)
  end
end
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'text', 'markdown', 'html' },
  callback = function(args) start_klar(args.buf) end,
})

local function buffer_text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
end

local function klar_diagnostics(buf)
  return vim.tbl_filter(function(d) return d.source == 'klar' end, vim.diagnostic.get(buf))
end

-- vim.diagnostic keeps byte columns; the UTF-16 column is what LSP and the CLI
-- report, so both are written out and an encoding slip shows in one of them.
local function utf16_column(buf, lnum, byte_col)
  local text = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] or ''
  local _, u16 = vim.str_utfindex(text, math.min(byte_col, #text))
  return u16 + 1
end

local function describe(buf, diags)
  local list = {}
  for _, d in ipairs(diags) do
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ''
    table.insert(list, {
      source = d.source,
      code = d.code,
      severity = vim.diagnostic.severity[d.severity],
      message = d.message,
      line = d.lnum + 1,
      column = utf16_column(buf, d.lnum, d.col),
      byteColumn = d.col + 1,
      endLine = d.end_lnum + 1,
      endColumn = utf16_column(buf, d.end_lnum, d.end_col),
      text = d.end_lnum == d.lnum and line:sub(d.col + 1, d.end_col) or nil,
    })
  end
  table.sort(list, function(a, b) return a.line < b.line or (a.line == b.line and a.column < b.column) end)
  return list
end

-- The user's way to a quick fix: cursor on the word, the code-action menu
-- (vim.lsp.buf.code_action), and the item the server marks as preferred.
local function apply_preferred_fix(buf, d)
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local tick = vim.api.nvim_buf_get_changedtick(buf)
  local menu_shown = false
  local menu_error
  vim.ui.select = function(items, opts, on_choice)
    menu_shown = true
    -- Runs in a callback, outside main's xpcall: an error here must still end the wait.
    local ok, err = pcall(function()
      local format = opts.format_item or function(item) return tostring(item) end
      local titles, chosen = {}, nil
      for i, item in ipairs(items) do
        -- 0.7 passes {client_id, action}; later versions {action = ..., ctx = ...}.
        local action = item.action or item[2]
        table.insert(titles, (format(item)))
        if chosen == nil and type(action) == 'table' and action.isPreferred then chosen = i end
      end
      result.actions = titles
      result.preferred = chosen and titles[chosen] or vim.NIL
      on_choice(chosen and items[chosen] or nil, chosen)
    end)
    if not ok then menu_error = tostring(err) end
  end
  vim.lsp.buf.code_action()
  vim.wait(wait_ms, function()
    return menu_error ~= nil or vim.api.nvim_buf_get_changedtick(buf) ~= tick
  end, 20)
  if menu_error then error(menu_error) end
  if not menu_shown then result.actions = {} end
  result.after = buffer_text(buf)
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype

  if typed then
    if not vim.wait(wait_ms, function() return #publishes > 0 end, 20) then
      return finish('the server published nothing for the document')
    end
    result.firstPublish = vim.tbl_filter(function(d) return d.source == 'klar' end, publishes[1])
    vim.api.nvim_buf_set_lines(buf, -1, -1, false, { typed })
    vim.wait(wait_ms, function() return #klar_diagnostics(buf) > 0 end, 20)
    result.diagnostics = describe(buf, klar_diagnostics(buf))
    result.after = buffer_text(buf)
    return finish(nil)
  end

  if not vim.wait(wait_ms, function() return #klar_diagnostics(buf) > 0 end, 20) then
    result.diagnostics = {}
    return finish('no klar diagnostics arrived')
  end
  local diags = klar_diagnostics(buf)
  result.diagnostics = describe(buf, diags)
  local code, line = string.match(target or '', '^(.+)@(%d+)$')
  for _, d in ipairs(diags) do
    if d.code == code and d.lnum + 1 == tonumber(line) then
      apply_preferred_fix(buf, d)
      return finish(nil)
    end
  end
  return finish('no diagnostic ' .. tostring(target) .. ' to fix')
end

local ok, err = xpcall(main, debug.traceback)
if not ok then finish('driver error: ' .. tostring(err)) end
