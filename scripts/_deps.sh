# Shared install steps for scripts/build and scripts/test (sourced, not run).
# System packages: chromium + CJK fonts for the browser tests, LibreOffice to check
# the Word 对照表, ripgrep as a search baseline.
SYSTEM_PACKAGES="chromium fonts-noto-cjk libreoffice-writer-nogui ripgrep"

install_system_packages() {
  local missing=()
  for p in $SYSTEM_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "安装系统软件包：${missing[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "缺少系统软件包（需要 root 安装）：${missing[*]}；相关测试将被跳过" >&2
  fi
}

install_python_packages() {
  python3 -m pip install -q --disable-pip-version-check -e ".[test]" 2>&1 | grep -vE "Running pip as the 'root'|^WARNING: Location" >&2 || true
  python3 -c "import kb" || { echo "kb 安装失败" >&2; return 1; }
}
