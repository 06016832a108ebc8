// 360° panorama viewer (progressive enhancement): an equirectangular image drawn on a WebGL canvas that looks
// around a sphere. Drag, or focus the view and use the arrow keys to turn and + / − to zoom. Without WebGL or
// JavaScript the flat equirectangular image stays on the page.

const VERTEX = `attribute vec2 p; varying vec2 v; void main() { v = p; gl_Position = vec4(p, 0.0, 1.0); }`;
const FRAGMENT = `precision mediump float;
uniform sampler2D tex; uniform vec2 res; uniform float yaw; uniform float pitch; uniform float fov;
varying vec2 v;
void main() {
  float t = tan(fov * 0.5);
  vec3 d = normalize(vec3(v.x * t * res.x / res.y, v.y * t, 1.0));
  float cp = cos(pitch); float sp = sin(pitch);
  d = vec3(d.x, d.y * cp + d.z * sp, -d.y * sp + d.z * cp);
  float cy = cos(yaw); float sy = sin(yaw);
  d = vec3(d.x * cy + d.z * sy, d.y, -d.x * sy + d.z * cy);
  float lon = atan(d.x, d.z);
  float lat = asin(clamp(d.y, -1.0, 1.0));
  gl_FragColor = texture2D(tex, vec2(fract(lon / 6.2831853 + 0.5), 0.5 - lat / 3.1415927));
}`;

const DEG = Math.PI / 180;

function compile(gl, type, source) {
  const s = gl.createShader(type);
  gl.shaderSource(s, source);
  gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(s) || 'shader');
  return s;
}

function viewer(figure) {
  const img = figure.querySelector('img');
  if (!img) return;
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl', { antialias: false, preserveDrawingBuffer: false });
  if (!gl) return; // keep the flat image
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', figure.dataset.label || img.alt);
  const help = document.querySelector('#panoramas + .meta');
  if (help) {
    help.id ||= 'panorama-help';
    canvas.setAttribute('aria-describedby', help.id);
  }

  const program = gl.createProgram();
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
  gl.linkProgram(program);
  gl.useProgram(program);
  const buffer = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
  const loc = gl.getAttribLocation(program, 'p');
  gl.enableVertexAttribArray(loc);
  gl.vertexAttribPointer(loc, 2, gl.FLOAT, false, 0, 0);
  const u = (name) => gl.getUniformLocation(program, name);
  const view = { yaw: 0, pitch: 0, fov: 75 * DEG };
  let texture = null;
  let queued = false;

  function draw() {
    queued = false;
    const w = Math.round(canvas.clientWidth * devicePixelRatio);
    const h = Math.round(canvas.clientHeight * devicePixelRatio);
    if (canvas.width !== w || canvas.height !== h) [canvas.width, canvas.height] = [w, h];
    gl.viewport(0, 0, w, h);
    gl.uniform2f(u('res'), w, h);
    gl.uniform1f(u('yaw'), view.yaw);
    gl.uniform1f(u('pitch'), view.pitch);
    gl.uniform1f(u('fov'), view.fov);
    if (texture) gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
  }
  const redraw = () => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(draw);
    }
  };
  const turn = (dYaw, dPitch) => {
    view.yaw = (view.yaw + dYaw) % (2 * Math.PI);
    view.pitch = Math.max(-85 * DEG, Math.min(85 * DEG, view.pitch + dPitch));
    redraw();
  };
  const zoom = (d) => {
    view.fov = Math.max(30 * DEG, Math.min(100 * DEG, view.fov + d));
    redraw();
  };

  const source = new Image();
  source.onload = () => {
    texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, texture);
    // Panoramas are rarely powers of two: WebGL 1 then needs clamping and no mipmaps.
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGB, gl.RGB, gl.UNSIGNED_BYTE, source);
    img.hidden = true;
    figure.insertBefore(canvas, img);
    redraw();
  };
  source.src = figure.dataset.panorama;

  let drag = null;
  canvas.addEventListener('pointerdown', (e) => {
    drag = { x: e.clientX, y: e.clientY };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const k = view.fov / canvas.clientHeight;
    turn(-(e.clientX - drag.x) * k, (e.clientY - drag.y) * k);
    drag = { x: e.clientX, y: e.clientY };
  });
  const end = () => {
    drag = null;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  canvas.addEventListener('keydown', (e) => {
    const step = 5 * DEG;
    const keys = {
      ArrowLeft: () => turn(-step, 0),
      ArrowRight: () => turn(step, 0),
      ArrowUp: () => turn(0, step),
      ArrowDown: () => turn(0, -step),
      '+': () => zoom(-5 * DEG),
      '=': () => zoom(-5 * DEG),
      '-': () => zoom(5 * DEG),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  });
  // The wheel zooms only while the view has focus, so scrolling the page is never captured.
  canvas.addEventListener(
    'wheel',
    (e) => {
      if (document.activeElement !== canvas) return;
      e.preventDefault();
      zoom(Math.sign(e.deltaY) * 3 * DEG);
    },
    { passive: false },
  );
  new ResizeObserver(redraw).observe(canvas);
}

for (const figure of document.querySelectorAll('figure[data-panorama]')) viewer(figure);
