# shellcheck shell=bash
# Install Debian's chromium for the HTML report tests (headless). Meant to be sourced as root by
# .ci/run:  source .ci/chromium.sh   (returns instead of exiting the caller on failure)

_secsdlc_chromium_setup() {
    if [ -x /usr/bin/chromium ]; then
        return 0
    fi
    echo "chromium.sh: installing chromium (apt-get)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2 || return 1
    /usr/bin/chromium --version
}

_secsdlc_chromium_setup || echo "chromium.sh: chromium install FAILED" >&2
