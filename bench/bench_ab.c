/*
 * bench_ab.c - paired A/B timing of two builds of libmitch in one process.
 *
 *   bench/bench_ab LIB_A LIB_B [ROUNDS]      (make bench-ab builds it)
 *
 * Both shared libraries are dlopen'ed by path (RTLD_LOCAL: each keeps its
 * own symbols); every operation is timed on A, then on B, alternately, for
 * ROUNDS rounds (default 21, the order flipped every round), and the row
 * shows each side's median time per unit and the median and quartiles of
 * the per-round ratio B/A.  On a machine shared with other work this is
 * the figure to trust: a burst of load hits both sides of a round alike,
 * where two separate bench_codec invocations see different moments.  Only
 * functions of the 1.0 ABI are called, so A may be any 1.x library
 * (e.g. the 1.0.0 release, to measure a change against it).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <mitch.h>

typedef struct lib {
  int (*pack_trade)(uint64_t, double, uint32_t, uint32_t, uint8_t, uint8_t *);
  int (*unpack_trade)(const uint8_t *, size_t, uint64_t *, double *, uint32_t *, uint32_t *, uint8_t *);
  int (*pack_order)(uint64_t, uint32_t, double, uint32_t, uint8_t, uint8_t, uint64_t, uint8_t *);
  int (*unpack_order)(const uint8_t *, size_t, uint64_t *, uint32_t *, double *, uint32_t *, uint8_t *, uint8_t *, uint64_t *);
  int (*pack_tick)(uint64_t, double, double, uint32_t, uint32_t, uint8_t *);
  int (*unpack_tick)(const uint8_t *, size_t, uint64_t *, double *, double *, uint32_t *, uint32_t *);
  int (*pack_header)(uint8_t, uint64_t, uint8_t, uint8_t *);
  int (*unpack_header)(const uint8_t *, size_t, uint8_t *, uint64_t *, uint8_t *);
  int (*create_header)(uint8_t, uint64_t, uint8_t, uint8_t *, size_t);
  int (*trade_decode)(const uint8_t *, size_t, mitch_trade *);
  int (*trade_encode)(const mitch_trade *, uint8_t *, size_t);
  int (*order_decode)(const uint8_t *, size_t, mitch_order *);
  int (*tick_decode)(const uint8_t *, size_t, mitch_tick *);
  int (*trade_eb)(const mitch_trade *, size_t, uint8_t *, size_t, size_t *);
  int (*trade_db)(const uint8_t *, size_t, mitch_trade *, size_t, size_t *);
  int (*order_eb)(const mitch_order *, size_t, uint8_t *, size_t, size_t *);
  int (*order_db)(const uint8_t *, size_t, mitch_order *, size_t, size_t *);
  int (*tick_eb)(const mitch_tick *, size_t, uint8_t *, size_t, size_t *);
  int (*tick_db)(const uint8_t *, size_t, mitch_tick *, size_t, size_t *);
  int (*index_eb)(const mitch_index *, size_t, uint8_t *, size_t, size_t *);
  int (*index_db)(const uint8_t *, size_t, mitch_index *, size_t, size_t *);
  int (*book_eb)(const mitch_order_book *, size_t, uint8_t *, size_t, size_t *);
  int (*book_db)(const uint8_t *, size_t, mitch_order_book *, size_t, size_t *);
  int (*stream_validate)(const uint8_t *, size_t, uint8_t, mitch_stream_info *);
  int (*stream_gather)(const uint8_t *, size_t, uint8_t, uint8_t *, size_t, size_t *, mitch_stream_info *);
  void (*reader_init)(mitch_reader *, const void *, size_t);
  int (*reader_next)(mitch_reader *, mitch_message *);
  int (*message_encode)(uint8_t, uint64_t, const void *, size_t, uint8_t *, size_t, size_t *);
} lib;

static void *sym(void *h, const char *n) { void *p = dlsym(h, n); if (!p) { fprintf(stderr, "no %s\n", n); exit(1); } return p; }
static void load(lib *L, const char *path) {
  void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!h) { fprintf(stderr, "%s\n", dlerror()); exit(1); }
#define S(f, n) *(void **)&L->f = sym(h, n)
  S(pack_trade, "mitch_pack_trade"); S(unpack_trade, "mitch_unpack_trade"); S(pack_order, "mitch_pack_order");
  S(unpack_order, "mitch_unpack_order"); S(pack_tick, "mitch_pack_tick"); S(unpack_tick, "mitch_unpack_tick");
  S(pack_header, "mitch_pack_header"); S(unpack_header, "mitch_unpack_header"); S(create_header, "mitch_create_header");
  S(trade_decode, "mitch_trade_decode"); S(trade_encode, "mitch_trade_encode"); S(order_decode, "mitch_order_decode"); S(tick_decode, "mitch_tick_decode");
  S(trade_eb, "mitch_trade_encode_batch"); S(trade_db, "mitch_trade_decode_batch"); S(order_eb, "mitch_order_encode_batch"); S(order_db, "mitch_order_decode_batch");
  S(tick_eb, "mitch_tick_encode_batch"); S(tick_db, "mitch_tick_decode_batch"); S(index_eb, "mitch_index_encode_batch"); S(index_db, "mitch_index_decode_batch");
  S(book_eb, "mitch_order_book_encode_batch"); S(book_db, "mitch_order_book_decode_batch");
  S(stream_validate, "mitch_stream_validate"); S(stream_gather, "mitch_stream_gather"); S(reader_init, "mitch_reader_init"); S(reader_next, "mitch_reader_next");
  S(message_encode, "mitch_message_encode");
}
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e9 + t.tv_nsec; }
#define RING 64
static mitch_trade tr[1024]; static mitch_order od[1024]; static mitch_tick tk[1024]; static mitch_index ix[512]; static mitch_order_book bk[15];
static uint8_t wt[1024*32], wo[1024*32], ws[1024*32], wi[512*64], wb[15*2072], out[1<<16];
static uint8_t *stream, *stream1, *gout; static size_t ssz, ssz1;
static volatile uint64_t sinkv;
static uint64_t rs = 88172645463325252ull;
static uint64_t rnd(void){ rs^=rs<<13; rs^=rs>>7; rs^=rs<<17; return rs; }
typedef void (*opfn)(const lib *L, size_t n);
static void o_pack_trade(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++){const mitch_trade*t=&tr[i&63]; sinkv+=L->pack_trade(t->ticker_id,t->price,t->quantity,t->trade_id,t->side,out);} }
static void o_unpack_trade(const lib *L, size_t n){ size_t i; uint64_t a; double d; uint32_t q,q2; uint8_t b; for(i=0;i<n;i++){ sinkv+=L->unpack_trade(wt+32*(i&63),32,&a,&d,&q,&q2,&b)+a;} }
static void o_pack_order(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++){const mitch_order*o=&od[i&63]; sinkv+=L->pack_order(o->ticker_id,o->order_id,o->price,o->quantity,o->order_type,o->side,o->expiry_ms,out);} }
static void o_unpack_order(const lib *L, size_t n){ size_t i; uint64_t a,e; double d; uint32_t q,q2; uint8_t b,b2; for(i=0;i<n;i++){ sinkv+=L->unpack_order(wo+32*(i&63),32,&a,&q,&d,&q2,&b,&b2,&e)+a;} }
static void o_pack_tick(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++){const mitch_tick*s=&tk[i&63]; sinkv+=L->pack_tick(s->ticker_id,s->bid_price,s->ask_price,s->bid_volume,s->ask_volume,out);} }
static void o_unpack_tick(const lib *L, size_t n){ size_t i; uint64_t a; double d,d2; uint32_t q,q2; for(i=0;i<n;i++){ sinkv+=L->unpack_tick(ws+32*(i&63),32,&a,&d,&d2,&q,&q2)+a;} }
static void o_pack_header(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++) sinkv+=L->pack_header("tosib"[i%5], i, 3, out); }
static void o_unpack_header(const lib *L, size_t n){ size_t i; uint8_t t,c; uint64_t ts; for(i=0;i<n;i++){ sinkv+=L->unpack_header(stream,8,&t,&ts,&c)+ts;} }
static void o_create_header(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++) sinkv+=L->create_header("tosib"[i%5], i, 3, out, 8); }
static void o_trade_encode(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++) sinkv+=L->trade_encode(&tr[i&63], out, 32); }
static void o_trade_decode(const lib *L, size_t n){ size_t i; mitch_trade t; for(i=0;i<n;i++){ sinkv+=L->trade_decode(wt+32*(i&63),32,&t)+t.trade_id;} }
static void o_order_decode(const lib *L, size_t n){ size_t i; mitch_order t; for(i=0;i<n;i++){ sinkv+=L->order_decode(wo+32*(i&63),32,&t)+t.order_id;} }
static void o_tick_decode(const lib *L, size_t n){ size_t i; mitch_tick t; for(i=0;i<n;i++){ sinkv+=L->tick_decode(ws+32*(i&63),32,&t)+t.bid_volume;} }
static mitch_trade t2[1024]; static mitch_order o2[1024]; static mitch_tick s2[1024]; static mitch_index x2[512]; static mitch_order_book b2[15];
static void o_teb(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++) sinkv+=L->trade_eb(tr,1024,out,sizeof out,NULL); }
static void o_tdb(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++) sinkv+=L->trade_db(wt,sizeof wt,t2,1024,NULL); }
static void o_oeb(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++) sinkv+=L->order_eb(od,1024,out,sizeof out,NULL); }
static void o_odb(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++) sinkv+=L->order_db(wo,sizeof wo,o2,1024,NULL); }
static void o_seb(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++) sinkv+=L->tick_eb(tk,1024,out,sizeof out,NULL); }
static void o_sdb(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++) sinkv+=L->tick_db(ws,sizeof ws,s2,1024,NULL); }
static void o_ieb(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++) sinkv+=L->index_eb(ix,512,out,sizeof out,NULL); }
static void o_idb(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++) sinkv+=L->index_db(wi,sizeof wi,x2,512,NULL); }
static void o_beb(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++) sinkv+=L->book_eb(bk,15,out,sizeof out,NULL); }
static void o_bdb(const lib *L, size_t n){ size_t i; for(i=0;i<n;i++) sinkv+=L->book_db(wb,sizeof wb,b2,15,NULL); }
static void o_sv(const lib *L, size_t n){ size_t i; mitch_stream_info info; for(i=0;i<n;i++) sinkv+=L->stream_validate(stream,ssz,0,&info)+info.bodies; }
static void o_sv1(const lib *L, size_t n){ size_t i; mitch_stream_info info; for(i=0;i<n;i++) sinkv+=L->stream_validate(stream1,ssz1,0,&info)+info.bodies; }
static void o_sg(const lib *L, size_t n){ size_t i, nb; for(i=0;i<n;i++) sinkv+=L->stream_gather(stream,ssz,'t',gout,ssz,&nb,NULL)+nb; }
static void o_rd(const lib *L, size_t n){ size_t i; static mitch_trade o[255]; for(i=0;i<n;i++){ mitch_reader r; mitch_message m; L->reader_init(&r,stream,ssz); while(L->reader_next(&r,&m)==MITCH_OK){ L->trade_db(m.bodies,m.size-8,o,m.header.count,NULL); sinkv+=o[0].trade_id; } } }
static void o_rd1(const lib *L, size_t n){ size_t i; static mitch_trade o[255]; for(i=0;i<n;i++){ mitch_reader r; mitch_message m; L->reader_init(&r,stream1,ssz1); while(L->reader_next(&r,&m)==MITCH_OK){ L->trade_db(m.bodies,m.size-8,o,m.header.count,NULL); sinkv+=o[0].trade_id; } } }
static void o_me(const lib *L, size_t n){ size_t i, w; for(i=0;i<n;i++) sinkv+=L->message_encode('t', i, tr, 255, out, sizeof out, &w); }
static int cmpd(const void*a,const void*b){double x=*(const double*)a,y=*(const double*)b;return x<y?-1:x>y;}
int main(int argc, char **argv) {
  lib A, B; size_t i, k; int rounds = argc > 3 ? atoi(argv[3]) : 21;
  if (argc < 3 || rounds < 3) {
    fprintf(stderr, "usage: bench_ab LIB_A LIB_B [ROUNDS >= 3]\n");
    return 2;
  }
  struct { const char *name; opfn f; size_t n; size_t units; } ops[] = {
    {"mitch_pack_trade",o_pack_trade,20000,1},{"mitch_unpack_trade",o_unpack_trade,20000,1},{"mitch_pack_order",o_pack_order,20000,1},{"mitch_unpack_order",o_unpack_order,20000,1},
    {"mitch_pack_tick",o_pack_tick,20000,1},{"mitch_unpack_tick",o_unpack_tick,20000,1},{"mitch_pack_header",o_pack_header,20000,1},{"mitch_unpack_header",o_unpack_header,20000,1},
    {"mitch_create_header",o_create_header,20000,1},{"mitch_trade_encode",o_trade_encode,20000,1},{"mitch_trade_decode",o_trade_decode,20000,1},{"mitch_order_decode",o_order_decode,20000,1},{"mitch_tick_decode",o_tick_decode,20000,1},
    {"trade_encode_batch x1024",o_teb,20,1024},{"trade_decode_batch x1024",o_tdb,20,1024},{"order_encode_batch x1024",o_oeb,20,1024},{"order_decode_batch x1024",o_odb,20,1024},
    {"tick_encode_batch x1024",o_seb,20,1024},{"tick_decode_batch x1024",o_sdb,20,1024},{"index_encode_batch x512",o_ieb,20,512},{"index_decode_batch x512",o_idb,20,512},
    {"order_book_encode_batch x15",o_beb,20,15},{"order_book_decode_batch x15",o_bdb,20,15},
    {"message_encode 255 trades",o_me,100,255},
    {"stream_validate 4MB/255",o_sv,2,0},{"stream_gather 4MB/255",o_sg,2,0},{"reader+decode_batch 4MB/255",o_rd,2,0},
    {"stream_validate 1MB/1",o_sv1,2,0},{"reader+decode_batch 1MB/1",o_rd1,2,0},
  };
  size_t nops = sizeof ops / sizeof ops[0], w;
  load(&A, argv[1]); load(&B, argv[2]);
  for (i = 0; i < 1024; i++) {
    tr[i].ticker_id = rnd()|1; tr[i].price = 1 + (rnd()%1000)/7.0; tr[i].quantity = 1+rnd()%100; tr[i].trade_id=1+rnd()%1000; tr[i].side=rnd()&1;
    od[i].ticker_id = rnd()|1; od[i].order_id=1+rnd()%99; od[i].price = 1+(rnd()%1000)/3.0; od[i].quantity=1+rnd()%9; od[i].order_type=rnd()%4; od[i].side=rnd()&1; od[i].expiry_ms=rnd()&0xFFFFFFFFFFFFull;
    tk[i].ticker_id = rnd()|1; tk[i].bid_price = 1+(rnd()%1000)/9.0; tk[i].ask_price = tk[i].bid_price + 0.5; tk[i].bid_volume=rnd(); tk[i].ask_volume=rnd();
  }
  for (i = 0; i < 512; i++) { ix[i].ticker_id=rnd()|1; ix[i].mid=5; ix[i].accepted=3; ix[i].confidence=rnd()%101; ix[i].v_force=rnd()%10001; ix[i].t_force=-(int)(rnd()%10001); }
  for (i = 0; i < 15; i++) { bk[i].ticker_id=rnd()|1; bk[i].mid_price=7; bk[i].bin_aggregator=i%4; for (k=0;k<128;k++) bk[i].bids[k].volume=rnd(); }
  A.trade_eb(tr,1024,wt,sizeof wt,NULL); A.order_eb(od,1024,wo,sizeof wo,NULL); A.tick_eb(tk,1024,ws,sizeof ws,NULL); A.index_eb(ix,512,wi,sizeof wi,NULL); A.book_eb(bk,15,wb,sizeof wb,NULL);
  stream = malloc(4<<20); stream1 = malloc(1<<20); gout = malloc(4<<20);
  while (ssz + 8 + 255*32 <= (4u<<20)) { A.message_encode('t', ssz & 0xFFFFFFFFFFFF, tr, 255, stream+ssz, (4u<<20) - ssz, &w); ssz += w; }
  while (ssz1 + 40 <= (1u<<20)) { A.message_encode('t', ssz1, tr + (ssz1/40)%1024, 1, stream1+ssz1, (1u<<20) - ssz1, &w); ssz1 += w; }
  memset(gout, 1, 4<<20);
  for (k = 0; k < nops; k++) {
    double *ra = malloc(rounds * sizeof *ra), *rb = malloc(rounds * sizeof *rb), *q = malloc(rounds * sizeof *q); int r;
    size_t units = ops[k].units ? ops[k].units : (k >= nops - 2 ? ssz1 / 40 : ssz / (8+255*32) * 255);
    ops[k].f(&A, ops[k].n); ops[k].f(&B, ops[k].n);
    for (r = 0; r < rounds; r++) {
      double t0, t1, t2;
      if (r & 1) { t0 = now(); ops[k].f(&B, ops[k].n); t1 = now(); ops[k].f(&A, ops[k].n); t2 = now(); rb[r] = t1 - t0; ra[r] = t2 - t1; }
      else { t0 = now(); ops[k].f(&A, ops[k].n); t1 = now(); ops[k].f(&B, ops[k].n); t2 = now(); ra[r] = t1 - t0; rb[r] = t2 - t1; }
      q[r] = rb[r] / ra[r];
    }
    qsort(ra, rounds, sizeof *ra, cmpd); qsort(rb, rounds, sizeof *rb, cmpd); qsort(q, rounds, sizeof *q, cmpd);
    printf("%-30s A %9.3f  B %9.3f ns/unit   B/A median %.3f  [%.3f .. %.3f] (quartiles)\n", ops[k].name,
           ra[rounds/2] / (ops[k].n * units), rb[rounds/2] / (ops[k].n * units), q[rounds/2], q[rounds/4], q[3*rounds/4]);
    free(ra); free(rb); free(q);
  }
  return 0;
}
