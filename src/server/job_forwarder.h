// server/job_forwarder.h: carries a synthesis job's output from a worker
// thread onto a WebSocket connection's strand. It holds the receiver
// (server/ws_transport.h) weakly, so a closed connection's late output is
// dropped. The receiver provides forward_chunk(job_id, bytes) and
// forward_done(job_id, status, stats), which run on its strand while it lives.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/post.hpp>

#include "synthesis/synthesis_service.h"

namespace voxwire::server {

template <typename Connection>
class JobForwarder final : public synthesis::JobObserver {
 public:
  JobForwarder(std::weak_ptr<Connection> connection, boost::asio::any_io_executor executor, uint64_t job_id)
      : connection_(std::move(connection)), executor_(std::move(executor)), job_id_(job_id) {}

  void on_chunk(std::string bytes) override {
    boost::asio::post(executor_, [c = connection_, id = job_id_, bytes = std::move(bytes)]() mutable {
      if (auto self = c.lock()) self->forward_chunk(id, std::move(bytes));
    });
  }

  void on_done(Status status, const synthesis::JobStats& stats) override {
    boost::asio::post(executor_, [c = connection_, id = job_id_, status = std::move(status), stats] {
      if (auto self = c.lock()) self->forward_done(id, status, stats);
    });
  }

 private:
  std::weak_ptr<Connection> connection_;
  boost::asio::any_io_executor executor_;
  uint64_t job_id_;
};

}  // namespace voxwire::server
