import math
LAT0, LON0 = 35.4575, 116.6035
ANGLE = math.radians(-6.0)
M_PER_DEG_LAT = 110950.0
M_PER_DEG_LON = 111320.0 * math.cos(math.radians(LAT0))
CX, CY = 400.0, 300.0

def to_lonlat(x, y):
    dx, dy = x - CX, y - CY
    rx = dx * math.cos(ANGLE) - dy * math.sin(ANGLE)
    ry = dx * math.sin(ANGLE) + dy * math.cos(ANGLE)
    return (round(LON0 + rx / M_PER_DEG_LON, 6), round(LAT0 + ry / M_PER_DEG_LAT, 6))

# Local metres: x east 0..800, y north 0..600; counter-clockwise rings.
MGMT = {
 'DF-01': [(0,350),(250,350),(250,600),(0,600)],
 'DF-02': [(250,350),(520,350),(520,380),(520,600),(250,600)],
 'DF-03': [(520,380),(800,380),(800,540),(740,600),(520,600)],
 'DF-04': [(0,0),(250,0),(400,0),(400,150),(250,150),(250,350),(0,350)],
 'DF-05': [(250,150),(400,150),(520,150),(520,350),(250,350)],
 'DF-06': [(400,0),(650,0),(650,150),(520,150),(400,150)],
 'DF-07': [(650,0),(800,0),(800,380),(520,380),(520,350),(520,150),(650,150)],
}
SENT = {
 'MQ-01': [(0,0),(250,0),(400,0),(400,150),(250,150),(250,350),(250,600),(0,600)],
 'MQ-02': [(400,0),(650,0),(650,150),(520,150),(520,350),(520,380),(520,600),(250,600),(250,350),(250,150),(400,150)],
 'MQ-03': [(650,0),(800,0),(800,380),(800,540),(740,600),(520,600),(520,380),(520,350),(520,150),(650,150)],
}

def inside(poly, x, y):
    c = False
    n = len(poly)
    for i in range(n):
        x1, y1 = poly[i]; x2, y2 = poly[(i+1) % n]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xi: c = not c
    return c

def seg_dist(px, py, a, b):
    (x1,y1),(x2,y2) = a, b
    dx, dy = x2-x1, y2-y1
    t = max(0, min(1, ((px-x1)*dx + (py-y1)*dy) / (dx*dx+dy*dy)))
    return math.hypot(px - (x1+t*dx), py - (y1+t*dy))

def margin(poly, x, y):
    return min(seg_dist(x, y, poly[i], poly[(i+1)%len(poly)]) for i in range(len(poly)))

def area(poly):
    s = 0
    for i in range(len(poly)):
        x1,y1 = poly[i]; x2,y2 = poly[(i+1)%len(poly)]
        s += x1*y2 - x2*y1
    return s/2

def ring(poly):
    pts = [list(to_lonlat(x, y)) for x, y in poly]
    return pts + [pts[0]]
