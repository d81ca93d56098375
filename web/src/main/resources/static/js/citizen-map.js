// The submit page's optional map pin: a click sets the latitude and longitude fields, which work without it.
// Tiles come from the address in data-tile-url (settings), which the Content-Security-Policy allows.
document.addEventListener('DOMContentLoaded', function () {
  var element = document.getElementById('pin-map');
  if (!element || !window.L) {
    return;
  }
  var latitude = document.getElementById('latitude');
  var longitude = document.getElementById('longitude');
  var start = latitude.value && longitude.value ? [parseFloat(latitude.value), parseFloat(longitude.value)] : [-2.5, 118];
  var map = L.map(element).setView(start, latitude.value ? 15 : 5);
  L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.attribution, maxZoom: 19 }).addTo(map);
  var pin = latitude.value ? L.marker(start).addTo(map) : null;
  map.on('click', function (event) {
    var at = event.latlng.wrap();
    latitude.value = at.lat.toFixed(6);
    longitude.value = at.lng.toFixed(6);
    if (pin) {
      pin.setLatLng(at);
    } else {
      pin = L.marker(at).addTo(map);
    }
  });
});
