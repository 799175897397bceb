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
"$app" "${FIELDNOTES_SHOT_FLAG:---journal}" "$journal" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  xdotool search --onlyvisible --name "$title" >/dev/null 2>&1 && break
  sleep 0.2
done
sleep 2  # unlocking (FIELDNOTES_PASSPHRASE) and the first layout
# GTK makes small helper windows with the same name: the frame is the
# largest. Prints "WIDTH HEIGHT X Y".
frame_geometry() {
  local best=0 frame="0 0 0 0" WIDTH HEIGHT X Y
  for w in $(xdotool search --onlyvisible --name "$title"); do
    eval "$(xdotool getwindowgeometry --shell "$w")"
    if [ $((WIDTH * HEIGHT)) -gt "$best" ]; then
      best=$((WIDTH * HEIGHT)) frame="$WIDTH $HEIGHT $X $Y"
    fi
  done
  echo "$frame"
}
# The pointer rests on the empty end of the window's menu bar: over the
# window (without a window manager the window under it is the one shown
# active), over no control, so no tooltip comes up and gets captured.
park_pointer() {
  local WIDTH HEIGHT X Y
  read -r WIDTH HEIGHT X Y <<<"$(frame_geometry)"
  [ "$WIDTH" -gt 0 ] || return 0
  xdotool mousemove --sync "$((X + WIDTH - 4))" "$((Y + 4))" 2>/dev/null || true
}
park_pointer
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
read -r WIDTH HEIGHT X Y <<<"$(frame_geometry)"
import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage -strip +dither -colors 96 \
  -define png:compression-level=9 "$out"
