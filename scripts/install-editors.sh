#!/usr/bin/env bash
# Installs the editors that tests/editors/ drives (Debian's neovim, emacs-nox and
# elpa-eglot), only when one is missing. Safe to run again: with everything present
# it does nothing. Without root or apt-get it installs nothing and prints the
# command that would, so a developer can decide; the tests then skip (or fail
# under KLAR_REQUIRE_EDITORS=1).
set -euo pipefail

missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
# Emacs 28 (Debian 12) has no built-in eglot; Emacs 29 and later do. -q keeps the
# site start-up files, which is how Debian makes elpa-eglot loadable.
if ! command -v emacs >/dev/null 2>&1 \
  || ! emacs --batch -q --eval "(kill-emacs (if (require 'eglot nil t) 0 1))" >/dev/null 2>&1; then
  missing+=(elpa-eglot)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "editors: neovim, emacs and eglot are installed"
  exit 0
fi

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "editors: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "editors: installed ${missing[*]}"
else
  echo "editors: missing ${missing[*]}; install them with:"
  echo "  sudo apt-get install --no-install-recommends ${missing[*]}"
  echo "(the editor tests skip without them, or fail when KLAR_REQUIRE_EDITORS=1)"
fi
