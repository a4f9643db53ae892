// The collector's state file on the disk (StateFile, durable_file.hpp):
// saved and loaded whole, and every file that cannot be used named.
#include "state_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "durable_file.hpp"

namespace phanos::collector {
namespace {

using prometheus::MetricNaming;

const char* const gauge_increment_message =
    R"([{"item":"S","metric":"gauge","units":"items","job":"app","method":"S:f","labels":{"error_raised":false},"value":["inc",2.5]}])";

class StateFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "phanos-state-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    directory = pattern;
    path = (directory / "collector.state").string();
  }
  void TearDown() override { std::filesystem::remove_all(directory); }

  Ingest make(std::vector<double> buckets = {1}) {
    return Ingest(MetricStore(std::move(buckets), MetricNaming{}), RecordLimits{}, broker, 100);
  }
  void write(const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }
  std::string load_error(StateFile& file) {
    Ingest ingest = make();
    return file.load_into(ingest).value_or("(loaded)");
  }

  BrokerStatus broker;
  std::filesystem::path directory;
  std::string path;
};

TEST_F(StateFileTest, WithoutAFileTheCountsStartFromZero) {
  const StateFile file(path, "q");
  Ingest ingest = make();
  const std::string empty = ingest.render();
  EXPECT_EQ(file.load_into(ingest), std::nullopt);
  EXPECT_EQ(ingest.render(), empty);
}

TEST_F(StateFileTest, ACollectorStartedAgainGoesOnFromTheCountsSaved) {
  StateFile file(path, "q");
  Ingest before = make();
  before.ingest(gauge_increment_message, "id-1");
  before.ingest(gauge_increment_message, "id-2");
  ASSERT_TRUE(file.save(before));
  Ingest after = make();
  EXPECT_EQ(StateFile(path, "q").load_into(after), std::nullopt);
  EXPECT_EQ(after.render(), before.render());
  EXPECT_NE(after.render().find(R"(phanos_items{job="app",item="S",method="S:f",error_raised="false"} 5)"),
            std::string::npos);
}

TEST_F(StateFileTest, SavingReplacesTheFileAndLeavesNoTemporaryFile) {
  StateFile file(path, "q");
  Ingest ingest = make();
  ASSERT_TRUE(file.save(ingest));
  ingest.ingest(gauge_increment_message);
  ASSERT_TRUE(file.save(ingest));
  EXPECT_EQ(std::get<std::string>(read_whole_file(path)), ingest.checkpoint("q"));
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(directory), std::filesystem::directory_iterator()), 1);
}

TEST_F(StateFileTest, AFileThatCannotBeWrittenIsAFailedSave) {
  StateFile file((directory / "missing" / "collector.state").string(), "q");
  Ingest ingest = make();
  EXPECT_FALSE(file.save(ingest));
  EXPECT_EQ(write_durably((directory / "missing" / "x").string(), "x"),
            "cannot create \"" + (directory / "missing" / "x.tmp").string() + "\": No such file or directory");
}

TEST_F(StateFileTest, ACorruptOrTruncatedFileIsNamedWithItsProblem) {
  StateFile file(path, "q");
  Ingest ingest = make();
  ingest.ingest(gauge_increment_message);
  const std::string whole = ingest.checkpoint("q");
  write(whole.substr(0, whole.size() / 2));
  EXPECT_EQ(load_error(file), "state file \"" + path + "\" is truncated (it does not end with its checksum line; " +
                                  std::to_string(whole.size() / 2) + " bytes)");
  std::string changed = whole;
  changed[changed.find("phanos_items")] = 'X';
  write(changed);
  EXPECT_EQ(load_error(file).rfind("state file \"" + path + "\" is corrupt (its checksum says ", 0), 0u)
      << load_error(file);
  write("");
  EXPECT_EQ(load_error(file), "state file \"" + path + "\" is empty");
}

TEST_F(StateFileTest, AFileOfAnotherQueueOrOtherOptionsIsRefused) {
  Ingest ingest = make({1, 2});
  ingest.ingest(gauge_increment_message);
  write(ingest.checkpoint("other"));
  StateFile file(path, "q");
  EXPECT_EQ(load_error(file), "state file \"" + path + "\" holds the counts of queue 'other', not of --queue 'q'");
  write(ingest.checkpoint("q"));
  EXPECT_EQ(load_error(file), "state file \"" + path +
                                  "\" does not fit this collector's --buckets, --metric-name or --max-series: it "
                                  "holds histogram bucket bounds 1,2, not 1");
}

TEST_F(StateFileTest, AFileThatCannotBeReadIsNamed) {
  std::filesystem::create_directory(path);  // a directory where the file should be
  StateFile file(path, "q");
  EXPECT_EQ(load_error(file), "cannot read \"" + path + "\": Is a directory");
}

}  // namespace
}  // namespace phanos::collector
