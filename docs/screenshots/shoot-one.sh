#!/usr/bin/env bash
# Runs inside xvfb-run for make-client-screenshots.sh and
# make-viewer-screenshots.sh: starts the app, replays the steps, saves the
# window as a small PNG, stops the app.
#   shoot-one.sh APP FILE OUT.png STEP...
# FILE is given to the app with --journal, or FIELDNOTES_SHOT_FLAG; the
# window is found by its title, ^Fieldnotes$ or FIELDNOTES_SHOT_TITLE.
set -euo pipefail
app=$1 journal=$2 out=$3; shift 3
title="${FIELDNOTES_SHOT_TITLE:-^Fieldnotes$}"
# The pointer waits in the display's bottom right corner, off the controls
# (the window sits at the top left): no control is hovered, so no tooltip
# comes up and gets captured.
park_pointer() {
  local w h
  read -r w h < <(xdpyinfo | awk '/dimensions:/ { split($2, d, "x"); print d[1], d[2] }')
  xdotool mousemove --sync "$((w - 1))" "$((h - 1))" 2>/dev/null || true
}
park_pointer
"$app" "${FIELDNOTES_SHOT_FLAG:---journal}" "$journal" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  xdotool search --onlyvisible --name "$title" >/dev/null 2>&1 && break
  sleep 0.2
done
sleep 2  # unlocking (FIELDNOTES_PASSPHRASE) and the first layout
for step in "$@"; do
  case "$step" in
    key:*) xdotool key --clearmodifiers "${step#key:}" ;;
    type:*) xdotool type --delay 8 "${step#type:}" ;;
    sleep:*) sleep "${step#sleep:}" ;;
  esac
  sleep 0.6
done
# Once more before the picture, and time for any tooltip to close.
park_pointer
sleep 1.5
# The frame sits at the top left of the display (there is no window
# manager); a dialog is centred on it, so one crop holds both.
# GTK makes small helper windows with the same name: take the largest.
best=0
for w in $(xdotool search --onlyvisible --name "$title"); do
  eval "$(xdotool getwindowgeometry --shell "$w")"
  if [ $((WIDTH * HEIGHT)) -gt "$best" ]; then
    best=$((WIDTH * HEIGHT)) frame="$WIDTH $HEIGHT $X $Y"
  fi
done
read -r WIDTH HEIGHT X Y <<<"$frame"
import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage -strip +dither -colors 96 \
  -define png:compression-level=9 "$out"
