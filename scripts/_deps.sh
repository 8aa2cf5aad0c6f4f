# Shared install steps for scripts/build, scripts/test and scripts/kb (sourced, not run).
#
# Python packages go into the project's own virtual environment, .venv/ (git ignores it), so the
# commands work the same on a Debian whose system Python refuses pip installs (PEP 668) and on a
# machine with its own Python. PYTHON picks the interpreter that creates it (default: python3).
# System packages: python3-venv where the interpreter lacks venv/ensurepip (Debian), chromium + CJK
# fonts for the browser tests, LibreOffice to check the Word 对照表 and make PDFs (poppler-utils' pdftotext reads
# the printed page numbers back), ripgrep as a
# search baseline.
VENV=.venv
KB_PY="$VENV/bin/python"
SYSTEM_PACKAGES="chromium fonts-noto-cjk libreoffice-writer-nogui poppler-utils ripgrep"

apt_install() {
  # apt_install PKG… : install Debian packages when we are root, else say what is missing (return 1)
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "安装系统软件包：$*" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "缺少系统软件包（需要 root 安装：sudo apt-get install $*）" >&2
    return 1
  fi
}

install_system_packages() {
  local missing=()
  command -v dpkg-query >/dev/null || { echo "不是 Debian 系统：请自行安装 $SYSTEM_PACKAGES（缺少时相关测试跳过）" >&2; return 0; }
  for p in $SYSTEM_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_install "${missing[@]}" || echo "相关测试将被跳过" >&2
}

python_for_venv() {
  local py="${PYTHON:-python3}"
  command -v "$py" >/dev/null || { echo "找不到 Python（$py）：需要 Python 3.11 或更新版本" >&2; return 1; }
  "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "需要 Python 3.11 或更新版本（$py 是 $("$py" -V 2>&1)）" >&2; return 1; }
  echo "$py"
}

make_venv() {
  [ -x "$KB_PY" ] && "$KB_PY" -c "import sys" 2>/dev/null && return 0
  local py; py=$(python_for_venv) || return 1
  rm -rf "$VENV"
  if ! "$py" -m venv "$VENV" >/dev/null 2>&1; then
    # Debian ships venv and ensurepip apart from the interpreter (python3-venv)
    rm -rf "$VENV"
    local ver; ver=$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt_install python3-venv "python$ver-venv" || { echo "无法创建虚拟环境 $VENV" >&2; return 1; }
    "$py" -m venv "$VENV" || { echo "无法创建虚拟环境 $VENV" >&2; return 1; }
  fi
}

install_python_packages() {
  # install_python_packages [EXTRAS] : kb (editable) and its dependencies into .venv/; skipped when
  # pyproject.toml has not changed since the last install into this environment
  local extras="${1:-}" spec="." stamp
  [ -n "$extras" ] && spec=".[$extras]"
  make_venv || return 1
  stamp="$VENV/.kb-installed"
  local want; want="$(sha1sum pyproject.toml | cut -c1-40) $extras"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || ! "$KB_PY" -c "import kb.cli" 2>/dev/null; then
    # (a site-wide pip.conf may name find-links folders that do not exist: pip warns, harmlessly)
    "$KB_PY" -m pip install -q --disable-pip-version-check -e "$spec" 2>&1 \
      | { grep -vE "^WARNING: Location '.*' is ignored" || true; } >&2
    [ "${PIPESTATUS[0]}" = 0 ] || { echo "kb 安装失败（pip install -e $spec）" >&2; return 1; }
    # A venv's own pip (23.0 here) installs an sdist-only package (jieba 0.42.1) by setup.py install when the wheel
    # package is absent, which writes no .pyc; the module is then compiled at its first import, and its invalid escape
    # sequences ('\s', '\.') warn there — an error under python -W error::DeprecationWarning
    # (tests/cli/test_click_streams.py). Compile what pip installed, as pip does for a wheel.
    "$KB_PY" -m compileall -q "$VENV/lib" >/dev/null 2>&1 || true
    echo "$want" > "$stamp"
  fi
  "$KB_PY" -c "import kb.cli" || { echo "kb 安装失败" >&2; return 1; }
}
